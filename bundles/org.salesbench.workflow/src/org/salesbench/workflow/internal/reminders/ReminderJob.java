package org.salesbench.workflow.internal.reminders;

import java.time.Duration;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.salesbench.workflow.reminders.ReminderEngine;

/** Runs the reminder engine (got when the job first runs), then again every {@link #INTERVAL} until cancelled. */
public final class ReminderJob extends Job {

    public static final Duration INTERVAL = Duration.ofMinutes(15);

    private final Supplier<ReminderEngine> engine;
    private volatile boolean stopped;

    public ReminderJob(Supplier<ReminderEngine> engine) {
        super(Messages.Job_name);
        this.engine = engine;
        setSystem(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            engine.get().run();
            return Status.OK_STATUS;
        } catch (RuntimeException e) {
            // in the log; the next run tries again
            return Status.warning(Messages.Job_name + ": " + e.getMessage(), e);
        } finally {
            if (!stopped && !monitor.isCanceled()) {
                schedule(INTERVAL.toMillis());
            }
        }
    }

    /** Stops the repetition and cancels a waiting run. */
    public void stop() {
        stopped = true;
        cancel();
    }
}
