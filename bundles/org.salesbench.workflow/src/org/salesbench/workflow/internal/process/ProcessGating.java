package org.salesbench.workflow.internal.process;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.ICoreRunnable;
import org.eclipse.core.runtime.jobs.Job;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.registry.ServiceOnFirstUse;
import org.salesbench.core.time.AfterFirstView;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.workflow.process.ProcessService;

/**
 * Names the shipped processes' stage rules on the pipelines' stages as the application starts
 * ({@link ProcessServiceImpl#applyGatingWherePermitted()}): at once on the command line and in tests, before their
 * first command or test moves a deal; in the workbench in a background job once something has deployed the
 * persistence unit after the first view painted, and at the latest a minute after that paint. Immediate, as it must
 * run at every start, but it holds the process service by its service objects ({@link ServiceOnFirstUse}): the
 * service, and the opportunity, pipeline, security and user services it references, come up when the gating runs,
 * not with the database before the first view (they were the largest part of what the database's opening brought up).
 */
@Component(immediate = true)
public class ProcessGating {

    /** How long after the workbench's first view painted the gating runs if nothing needed the persistence unit before. */
    static final long GATING_AT_THE_LATEST_MS = 60_000;

    /** The application whose start the gating is not to hold up: the workbench's. */
    static final String WORKBENCH_APPLICATION = "org.salesbench.ui.application";

    private final ServiceOnFirstUse<ProcessService> process;

    @Activate
    public ProcessGating(@Reference ComponentServiceObjects<ProcessService> process, @Reference UnitOfWork unitOfWork) {
        this.process = ServiceOnFirstUse.from(process);
        if (WORKBENCH_APPLICATION.equals(System.getProperty("eclipse.application"))) {
            // the workbench's first view needs none of this, and its reads would deploy the persistence unit, which the
            // first view does not need either: it runs in the background after the first view painted, as soon as
            // something else has deployed the unit (a view that lists opportunities, well before anyone moves one)
            Job gating = job();
            if (unitOfWork instanceof Database database) {
                database.whenUnitReady(unit -> AfterFirstView.schedule(gating, Duration.ZERO));
            }
            AfterFirstView.schedule(gating, Duration.ofMillis(GATING_AT_THE_LATEST_MS));
        } else if (AfterFirstView.holding()) {
            AfterFirstView.schedule(job(), Duration.ZERO); // a workbench test harness: in the background after its first view
        } else {
            gate(); // the command line and tests: before the first command uses it
        }
    }

    /** The gating in a background job, which runs it once however often it is scheduled. */
    private Job job() {
        AtomicBoolean once = new AtomicBoolean();
        Job gating = Job.create(Messages.Gating_job, (ICoreRunnable) monitor -> {
            if (once.compareAndSet(false, true)) {
                gate();
            }
        });
        gating.setSystem(true);
        return gating;
    }

    private void gate() {
        if (process.get() instanceof ProcessServiceImpl service) {
            service.applyGatingWherePermitted();
        }
    }

    @Deactivate
    void stop() {
        process.release();
    }
}
