package org.salesbench.core.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.jobs.Job;

/**
 * When the work a start schedules (reminders, escalations, the public pool's sweep, the nightly jobs, the rules' first
 * look at every record) may begin: in the workbench, once its first view has painted, so none of it competes with the
 * start for the processor or deploys the persistence unit before the user sees the list; everywhere else (the command
 * line, tests) at once, as before. The workbench {@linkplain #hold() holds} the work as its application starts, before
 * the database opens and the components that schedule it come up, and {@linkplain #release() releases} it when the
 * first view has painted (or, if no view says it will, when the window is open).
 * <p>
 * The one way to time such work from the start: {@link #schedule(Job, Duration)} for a job,
 * {@link #run(Runnable)} for anything else (it should only schedule, as it may run on the user interface thread).
 */
public final class AfterFirstView {

    private static final AfterFirstView THIS_START = new AfterFirstView();

    private final List<Runnable> waiting = new ArrayList<>();
    private boolean held;
    private boolean everHeld;
    private boolean released;

    AfterFirstView() {
    }

    /** Holds the work from now until {@link #release()} (the workbench, as it starts); no effect once released. */
    public static void hold() {
        THIS_START.holdWork();
    }

    /** The first view has painted: the work held runs (schedules) now, and later work at once. */
    public static void release() {
        THIS_START.releaseWork();
    }

    /** Whether work is held (the workbench's first view has not painted yet). */
    public static boolean holding() {
        return THIS_START.isHolding();
    }

    /** Whether this run held work at all (the workbench's did, the command line's did not). */
    public static boolean heldThisRun() {
        return THIS_START.wasHeld();
    }

    /** Schedules {@code job} {@code delay} after the first view painted (after {@code delay} from now if it has, or outside the workbench). */
    public static void schedule(Job job, Duration delay) {
        THIS_START.runAfter(() -> job.schedule(delay.toMillis()));
    }

    /** Runs {@code work} once the first view painted (now if it has, or outside the workbench). */
    public static void run(Runnable work) {
        THIS_START.runAfter(work);
    }

    synchronized void holdWork() {
        if (!released) {
            held = true;
            everHeld = true;
        }
    }

    synchronized boolean wasHeld() {
        return everHeld;
    }

    synchronized boolean isHolding() {
        return held;
    }

    void releaseWork() {
        List<Runnable> due;
        synchronized (this) {
            released = true;
            held = false;
            due = List.copyOf(waiting);
            waiting.clear();
        }
        due.forEach(AfterFirstView::runLogged);
    }

    void runAfter(Runnable work) {
        synchronized (this) {
            if (held) {
                waiting.add(work);
                return;
            }
        }
        work.run(); // the caller's own thread and failure, as without the gate
    }

    /** Held work runs on the releasing thread: one that fails is logged and the rest still runs. */
    private static void runLogged(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            ILog.of(AfterFirstView.class).error("Work timed from the first view failed to start", e);
        }
    }
}
