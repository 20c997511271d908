package org.salesbench.analytics.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.registry.ServiceOnFirstUse;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.time.NightlyJob;
import org.salesbench.analytics.ReportService;

/**
 * Keeps the pipeline trend fed: today's snapshot a little after start-up (so a day the product is used is
 * never missing), then one a few minutes after each midnight while it runs, in a system job that
 * reschedules itself. Taking a day's snapshot again replaces it, so the two never count a day twice. The report service
 * is got at the first snapshot ({@link ServiceOnFirstUse}), not as the database opens.
 */
@Component(immediate = true)
public class DailyPipelineSnapshots {

    /** Seconds after the workbench's first view painted before the first snapshot (default 120: the first reads come first). */
    public static final String DELAY_PROPERTY = "salesbench.analytics.snapshotDelaySeconds";

    /** The family of the snapshot job (tests wait for it). */
    public static final Object FAMILY = DailyPipelineSnapshots.class;

    private static final LocalTime AFTER_MIDNIGHT = LocalTime.of(0, 5);

    private final ServiceOnFirstUse<ReportService> reports;
    private final NightlyJob job;

    @Activate
    public DailyPipelineSnapshots(@Reference ComponentServiceObjects<ReportService> reports) {
        this(ServiceOnFirstUse.from(reports));
    }

    /** The snapshots of {@code reports}, there already (a test's). */
    public DailyPipelineSnapshots(ReportService reports) {
        this(ServiceOnFirstUse.of(reports));
    }

    private DailyPipelineSnapshots(ServiceOnFirstUse<ReportService> reports) {
        this.reports = reports;
        job = new NightlyJob(Messages.Snapshot_job, FAMILY, AFTER_MIDNIGHT, () -> reports.get().snapshot(LocalDate.now(Clocks.system())),
                () -> "The pipeline snapshot of " + LocalDate.now(Clocks.system()) + " failed", DailyPipelineSnapshots.class);
        job.start(Duration.ofSeconds(Long.getLong(DELAY_PROPERTY, 120)));
    }

    @Deactivate
    public void stop() {
        job.stop();
        reports.release();
    }

    /** The time from {@code now} to 00:05 of the next day. */
    public static Duration untilAfterMidnight(LocalDateTime now) {
        return NightlyJob.untilNext(AFTER_MIDNIGHT, now);
    }
}
