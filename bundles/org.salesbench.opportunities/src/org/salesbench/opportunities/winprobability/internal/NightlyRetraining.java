package org.salesbench.opportunities.winprobability.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.registry.ServiceOnFirstUse;
import org.salesbench.core.time.AfterFirstView;
import org.salesbench.opportunities.winprobability.ModelInfo;
import org.salesbench.opportunities.winprobability.WinProbabilityService;

/**
 * Retrains every contributed model each night at {@value #HOUR_PROPERTY} o'clock (default 2), in
 * a system job that reschedules itself; the hook that keeps predictions learning from the deals
 * closed during the day. The service is got at the first run ({@link ServiceOnFirstUse}), not as the database opens.
 */
@Component(immediate = true)
public class NightlyRetraining {

    /** The hour of the day (0 to 23) retraining runs. */
    public static final String HOUR_PROPERTY = "salesbench.winProbability.retrainHour";

    private final ServiceOnFirstUse<WinProbabilityService> retrained;
    private final Job job;
    private volatile boolean stopped;

    @Activate
    public NightlyRetraining(@Reference ComponentServiceObjects<WinProbabilityService> objects) {
        retrained = ServiceOnFirstUse.from(objects);
        job = new Job(Messages.Training_job) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                WinProbabilityService service = retrained.get();
                var models = service.models();
                SubMonitor progress = SubMonitor.convert(monitor, models.size());
                try {
                    for (ModelInfo model : models) {
                        if (progress.isCanceled()) {
                            return Status.CANCEL_STATUS;
                        }
                        progress.subTask(NLS.bind(Messages.Training_task, model.label()));
                        try {
                            service.train(model.id());
                        } catch (RuntimeException e) {
                            ILog.of(NightlyRetraining.class).error("Nightly training of " + model.id() + " failed", e);
                        }
                        progress.worked(1);
                    }
                    return Status.OK_STATUS;
                } finally {
                    if (!stopped) {
                        schedule(delayUntilNext(LocalDateTime.now(), retrainHour()).toMillis());
                    }
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == NightlyRetraining.class;
            }
        };
        job.setSystem(true);
        job.setPriority(Job.DECORATE);
        // the next run is counted from when the workbench's first view painted (at once elsewhere)
        AfterFirstView.run(() -> job.schedule(delayUntilNext(LocalDateTime.now(), retrainHour()).toMillis()));
    }

    @Deactivate
    void stop() {
        stopped = true;
        job.cancel();
        retrained.release();
    }

    /** The time from {@code now} to the next {@code hour}:00, tomorrow if it has passed today. */
    public static Duration delayUntilNext(LocalDateTime now, int hour) {
        LocalDateTime next = now.toLocalDate().atTime(LocalTime.of(hour, 0));
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        return Duration.between(now, next);
    }

    static int retrainHour() {
        try {
            int hour = Integer.parseInt(System.getProperty(HOUR_PROPERTY, "2").trim());
            return hour >= 0 && hour <= 23 ? hour : 2;
        } catch (NumberFormatException e) {
            return 2;
        }
    }
}
