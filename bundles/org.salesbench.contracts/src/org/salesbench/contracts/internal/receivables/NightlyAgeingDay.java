package org.salesbench.contracts.internal.receivables;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.contracts.receivables.AgeingDayMove;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.time.Clocks;

/**
 * Brings the receivables ageing by customer the database keeps to the new day shortly after each midnight while the
 * workbench runs (and once a little after it starts, so a day's first report does not), in a system job that
 * reschedules itself. The command line leaves it to {@code contracts ageing-day}, which a scheduler may run; tests start
 * it themselves. A move that fails is logged; the next report of the day moves the rows anyway.
 */
@Component(immediate = true)
public class NightlyAgeingDay {

    /** The application whose runs keep the day moving: the workbench's. */
    static final String WORKBENCH_APPLICATION = "org.salesbench.ui.application";

    /** Seconds after start-up before the first move (default 150: start-up and its first reads come first). */
    public static final String DELAY_PROPERTY = "salesbench.contracts.ageingDayDelaySeconds";

    /** The family of the job (tests wait for it). */
    public static final Object FAMILY = NightlyAgeingDay.class;

    /** When, after midnight on the services' clock, the day is moved. */
    static final LocalTime AFTER_MIDNIGHT = LocalTime.of(0, 3);

    private final Job job;
    private volatile boolean stopped;
    private volatile AgeingDayMove last;

    @Activate
    public NightlyAgeingDay(@Reference ReceivablesService receivables) {
        this(receivables, WORKBENCH_APPLICATION.equals(System.getProperty("eclipse.application")));
    }

    /** The job over {@code receivables}, started when {@code start} (the workbench; a test). */
    public NightlyAgeingDay(ReceivablesService receivables, boolean start) {
        job = new Job(Messages.Ageing_job) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    last = receivables.bringAgeingToToday();
                } catch (RuntimeException e) {
                    ILog.of(NightlyAgeingDay.class).error("Bringing the receivables ageing by customer to today failed", e);
                } finally {
                    if (!stopped) {
                        schedule(untilAfterMidnight(LocalDateTime.now(Clocks.system())).toMillis());
                    }
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.setSystem(true);
        job.setPriority(Job.DECORATE);
        if (start) {
            job.schedule(Duration.ofSeconds(Long.getLong(DELAY_PROPERTY, 150)).toMillis());
        }
    }

    /** The last move the job made ({@code null} before its first run). */
    public AgeingDayMove last() {
        return last;
    }

    @Deactivate
    public void stop() {
        stopped = true;
        job.cancel();
    }

    /** The time from {@code now} to the move of the next day, a few minutes after its midnight. */
    public static Duration untilAfterMidnight(LocalDateTime now) {
        return Duration.between(now, now.toLocalDate().plusDays(1).atTime(AFTER_MIDNIGHT));
    }
}
