package org.salesbench.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;

/**
 * The gate the start-up work waits at (in the same package as {@link AfterFirstView}, this fragment's host, to use a gate
 * of its own rather than the run's): held, work waits for the release; not held (the command line, tests), it runs at
 * once; released, it is never held again.
 */
class AfterFirstViewTest {

    @Test
    void workWaitsWhileHeldRunsInOrderOnTheReleaseAndAtOnceAfterwards() {
        AfterFirstView gate = new AfterFirstView();
        List<String> ran = new ArrayList<>();
        gate.runAfter(() -> ran.add("not held"));
        assertEquals(List.of("not held"), ran, "a run that holds nothing (the command line) runs the work at once");
        assertFalse(gate.wasHeld());

        gate.holdWork();
        assertTrue(gate.isHolding());
        gate.runAfter(() -> ran.add("reminders"));
        gate.runAfter(() -> {
            throw new IllegalStateException("a scheduler that fails");
        });
        gate.runAfter(() -> ran.add("nightly"));
        assertEquals(List.of("not held"), ran, "held until the first view painted");

        gate.releaseWork();
        assertEquals(List.of("not held", "reminders", "nightly"), ran, "one that fails does not keep the rest back");
        assertFalse(gate.isHolding());
        assertTrue(gate.wasHeld());

        gate.holdWork();
        assertFalse(gate.isHolding(), "once released, the run is not held again (a second window)");
        gate.runAfter(() -> ran.add("later"));
        assertEquals("later", ran.get(ran.size() - 1));
        assertThrows(IllegalStateException.class, () -> gate.runAfter(() -> {
            throw new IllegalStateException("at once");
        }), "work run at once fails in its caller, as it did without the gate");
    }

    @Test
    void aJobTimedFromTheFirstViewIsScheduledOnlyOnTheReleaseWithItsDelayCountedFromThere() throws Exception {
        AfterFirstView gate = new AfterFirstView();
        gate.holdWork();
        List<Long> ranAt = new ArrayList<>();
        Job job = Job.create("timed from the first view", monitor -> {
            synchronized (ranAt) {
                ranAt.add(System.nanoTime());
            }
            return Status.OK_STATUS;
        });
        gate.runAfter(() -> job.schedule(Duration.ofMillis(200).toMillis()));
        Thread.sleep(400);
        assertEquals(Job.NONE, job.getState(), "not even scheduled while held");
        long released = System.nanoTime();
        gate.releaseWork();
        job.join(10_000, null);
        assertEquals(IStatus.OK, job.getResult().getSeverity());
        synchronized (ranAt) {
            assertEquals(1, ranAt.size());
            assertTrue(ranAt.get(0) - released >= Duration.ofMillis(200).toNanos(), "the delay counts from the release");
        }
    }
}
