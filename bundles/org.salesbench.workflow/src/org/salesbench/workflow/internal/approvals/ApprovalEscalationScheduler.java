package org.salesbench.workflow.internal.approvals;

import java.time.Duration;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.registry.ServiceOnFirstUse;
import org.salesbench.core.time.AfterFirstView;
import org.salesbench.workflow.approvals.ApprovalService;

/**
 * Starts the {@link ApprovalEscalationJob} in the workbench once the engine runs: a minute after the first view painted
 * ({@link AfterFirstView}), then every 15 minutes, as the reminder job does. A server without a workbench runs {@code approvals escalate} from cron instead.
 * The approval service is got at the job's first run ({@link ServiceOnFirstUse}), not as the database opens.
 */
@Component(immediate = true)
public class ApprovalEscalationScheduler {

    /** The application whose runs keep escalations going: the workbench's. */
    static final String WORKBENCH_APPLICATION = "org.salesbench.ui.application";
    static final Duration FIRST_RUN = Duration.ofSeconds(60);

    private final ServiceOnFirstUse<ApprovalService> approvals;
    private final ApprovalEscalationJob job;

    @Activate
    public ApprovalEscalationScheduler(@Reference ComponentServiceObjects<ApprovalService> approvals) {
        this.approvals = ServiceOnFirstUse.from(approvals);
        job = new ApprovalEscalationJob(this.approvals, ApprovalEscalationJob.INTERVAL);
        if (WORKBENCH_APPLICATION.equals(System.getProperty("eclipse.application"))) {
            AfterFirstView.schedule(job, FIRST_RUN);
        }
    }

    @Deactivate
    void stop() {
        job.stop();
        approvals.release();
    }
}
