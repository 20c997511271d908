package org.salesbench.core.time;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Work the workbench does a little after it starts (timed from its first view's paint) and then shortly after each midnight of the services' clock
 * ({@link Clocks}), in a system job that reschedules itself until stopped. A run that fails is logged and the next
 * night comes anyway. The pipeline snapshots and the receivables' ageing day are such work.
 */
public final class NightlyJob {

    /** The application id of the command line ({@code salesbench cli}), whose process runs no nightly work. */
    public static final String COMMAND_LINE_APPLICATION = "org.salesbench.cli.application";

    private final Job job;
    private volatile boolean stopped;

    /**
     * @param name    the job's name (the progress view's)
     * @param family  the family the job belongs to (tests wait for it)
     * @param at      when, after midnight, the work runs
     * @param work    the work
     * @param failure what the log says when the work fails
     * @param logAs   whose log it is
     */
    public NightlyJob(String name, Object family, LocalTime at, Runnable work, Supplier<String> failure, Class<?> logAs) {
        job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    ILog.of(logAs).error(failure.get(), e);
                } finally {
                    if (!stopped) {
                        schedule(untilNext(at, LocalDateTime.now(Clocks.system())).toMillis());
                    }
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object other) {
                return other == family;
            }
        };
        job.setSystem(true);
        job.setPriority(Job.DECORATE);
    }

    /**
     * Runs the work {@code delay} after the workbench's first view painted ({@link AfterFirstView}), then every night;
     * in the command line's process, never: it runs one command, and nightly work over whole tables beside a long one (a
     * million-row import) met it in Derby's lock table (a deadlock whose victim could have been the import).
     */
    public void start(Duration delay) {
        if (!COMMAND_LINE_APPLICATION.equals(System.getProperty("eclipse.application"))) {
            AfterFirstView.schedule(job, delay);
        }
    }

    /** No more runs; a run under way finishes. */
    public void stop() {
        stopped = true;
        job.cancel();
    }

    /** The time from {@code now} to {@code at} on the next day. */
    public static Duration untilNext(LocalTime at, LocalDateTime now) {
        return Duration.between(now, now.toLocalDate().plusDays(1).atTime(at));
    }
}
