package org.salesbench.contracts.internal.receivables;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.contracts.receivables.AgeingDayMove;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.registry.ServiceOnFirstUse;
import org.salesbench.core.time.NightlyJob;

/**
 * Brings the receivables ageing by customer the database keeps to the new day shortly after each midnight while the
 * workbench runs (and once a little after it starts, so a day's first report does not), in a system job that
 * reschedules itself. The command line leaves it to {@code contracts ageing-day}, which a scheduler may run; tests start
 * it themselves. A move that fails is logged; the next report of the day moves the rows anyway. The receivables service
 * is got at the first move ({@link ServiceOnFirstUse}), not as the database opens.
 */
@Component(immediate = true)
public class NightlyAgeingDay {

    /** The application whose runs keep the day moving: the workbench's. */
    static final String WORKBENCH_APPLICATION = "org.salesbench.ui.application";

    /** Seconds after the workbench's first view painted before the first move (default 150: the first reads come first). */
    public static final String DELAY_PROPERTY = "salesbench.contracts.ageingDayDelaySeconds";

    /** The family of the job (tests wait for it). */
    public static final Object FAMILY = NightlyAgeingDay.class;

    /** When, after midnight on the services' clock, the day is moved. */
    static final LocalTime AFTER_MIDNIGHT = LocalTime.of(0, 3);

    private final ServiceOnFirstUse<ReceivablesService> service;
    private final NightlyJob job;
    private volatile AgeingDayMove last;

    @Activate
    public NightlyAgeingDay(@Reference ComponentServiceObjects<ReceivablesService> receivables) {
        this(ServiceOnFirstUse.from(receivables), WORKBENCH_APPLICATION.equals(System.getProperty("eclipse.application")));
    }

    /** The job over {@code receivables}, started when {@code start} (the workbench; a test). */
    public NightlyAgeingDay(ReceivablesService receivables, boolean start) {
        this(ServiceOnFirstUse.of(receivables), start);
    }

    private NightlyAgeingDay(ServiceOnFirstUse<ReceivablesService> receivables, boolean start) {
        service = receivables;
        job = new NightlyJob(Messages.Ageing_job, FAMILY, AFTER_MIDNIGHT, () -> last = receivables.get().bringAgeingToToday(),
                () -> "Bringing the receivables ageing by customer to today failed", NightlyAgeingDay.class);
        if (start) {
            job.start(Duration.ofSeconds(Long.getLong(DELAY_PROPERTY, 150)));
        }
    }

    /** The last move the job made ({@code null} before its first run). */
    public AgeingDayMove last() {
        return last;
    }

    @Deactivate
    public void stop() {
        job.stop();
        service.release();
    }

    /** The time from {@code now} to the move of the next day, a few minutes after its midnight. */
    public static Duration untilAfterMidnight(LocalDateTime now) {
        return NightlyJob.untilNext(AFTER_MIDNIGHT, now);
    }
}
