package org.salesbench.workflow.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VToDo;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.eclipse.osgi.util.NLS;
import org.salesbench.customers.Activity;
import org.salesbench.customers.ActivityType;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskStatus;

/**
 * Tasks and activities as iCalendar (RFC 5545) with iCal4j, which desktop calendars import: a task is a VTODO (due at
 * its due time, completed or cancelled as it is), an activity a VEVENT of an hour at its time; and the meetings
 * (VEVENTs) of an {@code .ics} file read back as activities. Times are written in UTC and read in {@code zone}.
 */
public final class IcsCalendar {

    /** A meeting of an {@code .ics} file: its start in the reader's zone, its summary and description. */
    public record Meeting(String uid, LocalDateTime start, String summary, String description) {
    }

    private static final String PRODUCT = "-//Salesbench//Workflow//EN";

    private IcsCalendar() {
    }

    /** Writes the tasks and activities; {@code host} makes each UID unique to this installation. */
    public static void write(List<Task> tasks, List<Activity> activities, ZoneId zone, String host, OutputStream out) throws IOException {
        try {
            build(tasks, activities, zone, host, out);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void build(List<Task> tasks, List<Activity> activities, ZoneId zone, String host, OutputStream out) {
        withOwnLoader(() -> {
            Calendar calendar = new Calendar();
            calendar.add(new ProdId(PRODUCT));
            calendar.add(ImmutableVersion.VERSION_2_0);
            for (Task task : tasks) {
                Instant due = task.getDueAt();
                VToDo todo = due == null ? new VToDo() : new VToDo(due.atOffset(java.time.ZoneOffset.UTC), due.atOffset(java.time.ZoneOffset.UTC),
                        task.getTitle());
                if (due == null) {
                    todo.add(new net.fortuna.ical4j.model.property.Summary(task.getTitle()));
                }
                todo.add(new Uid("task-" + task.getId() + "@" + host));
                if (task.getDescription() != null && !task.getDescription().isBlank()) {
                    todo.add(new Description(task.getDescription()));
                }
                todo.add(new Status(status(task.getStatus())));
                calendar.add(todo);
            }
            for (Activity activity : activities) {
                OffsetDateTime start = activity.getOccurredAt().atZone(zone).toOffsetDateTime().withOffsetSameInstant(java.time.ZoneOffset.UTC);
                VEvent event = new VEvent(start, start.plusHours(1), label(activity));
                event.add(new Uid("activity-" + activity.getId() + "@" + host));
                if (activity.getOutcome() != null && !activity.getOutcome().isBlank()) {
                    event.add(new Description(activity.getOutcome()));
                }
                calendar.add(event);
            }
            try {
                new CalendarOutputter(false).output(calendar, out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
    }

    /**
     * The meetings (VEVENTs with a start and a summary) of an {@code .ics} file, in file order.
     *
     * @throws IOException naming the line when the file is no iCalendar
     */
    public static List<Meeting> meetings(InputStream in, ZoneId zone) throws IOException {
        try {
            return withOwnLoader(() -> {
                Calendar calendar;
                try {
                    calendar = new CalendarBuilder().build(in);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (ParserException e) {
                    throw new IllegalArgumentException(NLS.bind(Messages.Ics_notACalendar, e.getLineNo(), e.getMessage()), e);
                }
                List<Meeting> meetings = new ArrayList<>();
                for (Component component : calendar.getComponents(Component.VEVENT)) {
                    Optional<DtStart<Temporal>> start = component.getProperty(Property.DTSTART);
                    Optional<Property> summary = component.getProperty(Property.SUMMARY);
                    if (start.isEmpty() || summary.isEmpty() || summary.get().getValue().isBlank()) {
                        continue;
                    }
                    meetings.add(new Meeting(component.getProperty(Property.UID).map(Property::getValue).orElse(null), local(start.get().getDate(), zone),
                            summary.get().getValue().trim(), component.getProperty(Property.DESCRIPTION).map(Property::getValue).orElse(null)));
                }
                return meetings;
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A meeting as an activity to log on a customer. */
    public static Activity activity(Meeting meeting) {
        Activity activity = new Activity(ActivityType.MEETING, meeting.start(), truncate(meeting.summary(), 500));
        if (meeting.description() != null && !meeting.description().isBlank()) {
            activity.setOutcome(truncate(meeting.description().trim(), 1000)); // the OUTCOME column's length
        }
        return activity;
    }

    private static LocalDateTime local(Temporal start, ZoneId zone) {
        if (start instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(zone).toLocalDateTime();
        }
        if (start instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(zone).toLocalDateTime();
        }
        if (start instanceof Instant i) {
            return LocalDateTime.ofInstant(i, zone);
        }
        if (start instanceof LocalDateTime l) {
            return l; // floating time: the reader's own
        }
        if (start instanceof LocalDate d) {
            return d.atStartOfDay(); // an all-day meeting
        }
        throw new IllegalArgumentException(NLS.bind(Messages.Ics_badStart, start));
    }

    private static String status(TaskStatus status) {
        return switch (status) {
            case DONE -> Status.VALUE_COMPLETED;
            case CANCELLED -> Status.VALUE_CANCELLED;
            default -> Status.VALUE_NEEDS_ACTION;
        };
    }

    private static String label(Activity activity) {
        String customer = activity.getCustomer() == null ? null : activity.getCustomer().getName();
        return customer == null ? activity.getSummary() : activity.getSummary() + " (" + customer + ")";
    }

    private static String truncate(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }

    /** iCal4j finds its factories and zone data through the context class loader: its own bundle's, under OSGi. */
    private static <T> T withOwnLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Calendar.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
