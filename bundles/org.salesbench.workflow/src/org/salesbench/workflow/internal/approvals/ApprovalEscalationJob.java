package org.salesbench.workflow.internal.approvals;

import java.time.Duration;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.salesbench.workflow.approvals.ApprovalService;

/**
 * Escalates the requests past their SLA ({@link ApprovalService#escalateOverdue}), then brings the user's approver tasks
 * up to date; again every {@code interval} until stopped. Every client of a team server may run it at once: a request is
 * escalated once per SLA period whoever runs first, and a task is made once per approver and step.
 */
public final class ApprovalEscalationJob extends Job {

    /** How often the workbench runs it. */
    public static final Duration INTERVAL = Duration.ofMinutes(15);

    private final Supplier<ApprovalService> approvals;
    private final Duration interval;
    private volatile boolean stopped;
    private volatile int lastEscalated;

    /** @param interval the pause between runs; null runs once */
    public ApprovalEscalationJob(ApprovalService approvals, Duration interval) {
        this(() -> approvals, interval);
    }

    /** @param approvals the service, got when the job first runs; @param interval the pause between runs, null runs once */
    public ApprovalEscalationJob(Supplier<ApprovalService> approvals, Duration interval) {
        super(Messages.Escalation_jobName);
        this.approvals = approvals;
        this.interval = interval;
        setSystem(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            ApprovalService service = approvals.get();
            lastEscalated = service.escalateOverdue();
            service.syncMyTasks();
            return Status.OK_STATUS;
        } catch (RuntimeException e) {
            // in the log; the next run tries again
            return Status.warning(Messages.Escalation_jobName + ": " + e.getMessage(), e);
        } finally {
            if (interval != null && !stopped && !monitor.isCanceled()) {
                schedule(interval.toMillis());
            }
        }
    }

    /** How many requests the last run escalated. */
    public int lastEscalated() {
        return lastEscalated;
    }

    /** Stops the repetition and cancels a waiting run. */
    public void stop() {
        stopped = true;
        cancel();
    }
}
