package org.salesbench.workflow.ui.internal.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.salesbench.workflow.TaskFilter;
import org.salesbench.workflow.TaskStatus;

/** The parts of My Tasks a rep switches between; each is a {@link TaskFilter} at the moment it is read. */
public enum TaskSection {
    TODAY, OVERDUE, UPCOMING, OPEN, DONE;

    public String label() {
        return switch (this) {
            case TODAY -> Messages.Section_today;
            case OVERDUE -> Messages.Section_overdue;
            case UPCOMING -> Messages.Section_upcoming;
            case OPEN -> Messages.Section_open;
            case DONE -> Messages.Section_done;
        };
    }

    /**
     * The tasks of this section at {@code now}: today is the whole calendar day in {@code zone} (a task due this
     * morning is both today's and overdue), upcoming starts tomorrow.
     *
     * @param assignee whose tasks, or null for every task the user may read
     * @param text     words of the title, or null
     */
    public TaskFilter filter(String assignee, String text, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant startOfToday = today.atStartOfDay(zone).toInstant();
        Instant startOfTomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();
        Set<TaskStatus> open = Set.of(TaskStatus.OPEN);
        return switch (this) {
            case TODAY -> new TaskFilter(assignee, open, startOfToday, startOfTomorrow, null, text);
            case OVERDUE -> new TaskFilter(assignee, open, null, now, null, text);
            case UPCOMING -> new TaskFilter(assignee, open, startOfTomorrow, null, null, text);
            case OPEN -> new TaskFilter(assignee, open, null, null, null, text);
            case DONE -> new TaskFilter(assignee, Set.of(TaskStatus.DONE), null, null, null, text);
        };
    }

    /** What the status bar counts: {@code assignee}'s open tasks due before tomorrow (today's and the overdue ones). */
    public static TaskFilter dueTodayOrOverdue(String assignee, Instant now, ZoneId zone) {
        Instant startOfTomorrow = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
        return new TaskFilter(assignee, Set.of(TaskStatus.OPEN), null, startOfTomorrow, null, null);
    }
}
