package org.salesbench.workflow.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.io.AtomicFiles;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Activity;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskCalendar;
import org.salesbench.workflow.TaskFilter;
import org.salesbench.workflow.TaskService;

/** {@link TaskCalendar} with iCal4j ({@link IcsCalendar}), in the system's time zone. */
@Component(service = TaskCalendar.class)
public class TaskCalendarImpl implements TaskCalendar {

    private static final String HOST = "salesbench"; //$NON-NLS-1$

    private final UnitOfWork unitOfWork;
    private final TaskService tasks;
    private final CustomerService customers;
    private final ZoneId zone;

    @Activate
    public TaskCalendarImpl(@Reference UnitOfWork unitOfWork, @Reference TaskService tasks, @Reference CustomerService customers) {
        this(unitOfWork, tasks, customers, ZoneId.systemDefault());
    }

    /** With the zone meetings are read in (tests). */
    public TaskCalendarImpl(UnitOfWork unitOfWork, TaskService tasks, CustomerService customers, ZoneId zone) {
        this.unitOfWork = unitOfWork;
        this.tasks = tasks;
        this.customers = customers;
        this.zone = zone;
    }

    @Override
    public Exported export(Path file, TaskFilter filter, Long customerId) throws IOException {
        List<Task> rows = tasks.list(filter, 0, Integer.MAX_VALUE);
        List<Activity> activities = customerId == null ? List.of() : customer(customerId).getActivities();
        AtomicFiles.write(file, out -> IcsCalendar.write(rows, activities, zone, HOST, out));
        return new Exported(rows.size(), activities.size());
    }

    @Override
    public int importMeetings(Path file, long customerId) throws IOException {
        Customer customer = customer(customerId);
        List<IcsCalendar.Meeting> meetings;
        try (InputStream in = Files.newInputStream(file)) {
            meetings = IcsCalendar.meetings(in, zone);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldError("file", file.getFileName() + ": " + e.getMessage(), file.toString()))); //$NON-NLS-1$ //$NON-NLS-2$
        }
        // one transaction: a meeting refused part-way leaves none of the file's meetings logged
        return unitOfWork.write(em -> {
            int position = 0;
            for (IcsCalendar.Meeting meeting : meetings) {
                position++;
                try {
                    customers.logActivity(customer.getId(), IcsCalendar.activity(meeting));
                } catch (ValidationException e) {
                    throw new ValidationException(List.of(new FieldError("file", NLS.bind(Messages.Ics_meetingRefused, //$NON-NLS-1$
                            new Object[] { file.getFileName(), position, meeting.summary(), e.getMessage() }), file.toString())));
                }
            }
            return meetings.size();
        });
    }

    private Customer customer(long customerId) {
        return customers.find(customerId).orElseThrow(() -> new ValidationException(List.of(new FieldError("customer", //$NON-NLS-1$
                NLS.bind(Messages.Ics_noCustomer, customerId), customerId))));
    }
}
