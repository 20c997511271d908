package org.salesbench.customers.ui.internal;

import java.time.Duration;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IStartup;
import org.salesbench.core.time.AfterFirstView;
import org.salesbench.customers.pool.CustomerPool;
import org.salesbench.ui.Services;

/**
 * Runs the public pool's sweep when the workbench starts and then once a day while it runs: owners are warned of
 * customers about to return, and those due return to the pool. On a team server each person's workbench sweeps what
 * that person may change; the sweep is idempotent, so several running it the same day do no harm.
 */
public class PoolSweeper implements IStartup {

    static final Duration INTERVAL = Duration.ofDays(1);

    @Override
    public void earlyStartup() {
        Job job = new Job(PoolMessages.Job_sweep) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    Services.find(CustomerPool.class).ifPresent(CustomerPool::sweep);
                    return Status.OK_STATUS;
                } catch (RuntimeException e) {
                    // reported in the log; the next day's sweep tries again
                    return Status.warning(PoolMessages.Job_sweep + ": " + e.getMessage(), e);
                } finally {
                    schedule(INTERVAL.toMillis());
                }
            }
        };
        job.setSystem(true);
        AfterFirstView.schedule(job, Duration.ofSeconds(30)); // after the first view painted and the search index is up
    }
}
