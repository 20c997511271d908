package org.salesbench.workflow.internal.reminders;

import java.time.Duration;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.registry.ServiceOnFirstUse;
import org.salesbench.core.time.AfterFirstView;
import org.salesbench.workflow.reminders.ReminderEngine;

/**
 * Starts the {@link ReminderJob} in the workbench once the database is open (the engine needs it): shortly after the
 * first view painted ({@link AfterFirstView}), then every 15 minutes. The command line runs the engine only on {@code tasks remind}, and tests not at all.
 * The engine is got at the job's first run ({@link ServiceOnFirstUse}), so it and what it references do not come up
 * with the database, before the first view.
 */
@Component(immediate = true)
public class ReminderScheduler {

    /** The application whose runs keep reminders going: the workbench's. */
    static final String WORKBENCH_APPLICATION = "org.salesbench.ui.application";
    /** After the public pool's sweep (30 s after the first view painted), so today's warnings become tasks in the same start. */
    static final Duration FIRST_RUN = Duration.ofSeconds(45);

    private final ServiceOnFirstUse<ReminderEngine> engine;
    private final ReminderJob job;

    @Activate
    public ReminderScheduler(@Reference ComponentServiceObjects<ReminderEngine> engine) {
        this.engine = ServiceOnFirstUse.from(engine);
        job = new ReminderJob(this.engine);
        if (WORKBENCH_APPLICATION.equals(System.getProperty("eclipse.application"))) {
            AfterFirstView.schedule(job, FIRST_RUN);
        }
    }

    @Deactivate
    void stop() {
        job.stop();
        engine.release();
    }
}
