package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;
import org.salesbench.core.time.AfterFirstView;
import org.salesbench.ui.StartupTimes;
import org.salesbench.ui.testing.UiTesting;

/**
 * The work a start schedules (reminders, escalations, the pool's sweep, the nightly jobs, the task count's query) waits
 * for the workbench's first view: the application holds it as it starts, and the Customers view's first answer, once
 * painted, releases it; work timed from then on runs at once.
 */
class FirstViewUiTest {

    @Test
    void theStartsWorkIsHeldUntilTheCustomersViewsFirstAnswerPainted() throws Exception {
        assertTrue(AfterFirstView.heldThisRun(), "the workbench application held the start's work");
        UiTesting.waitUntil("the start's work is released", () -> !AfterFirstView.holding(), 60_000);
        String by = StartupTimes.releasedBy();
        assertTrue(by != null && by.startsWith("the first answer of "), "released by the Customers view's first answer, not by " + by);

        AtomicBoolean ran = new AtomicBoolean();
        AfterFirstView.run(() -> ran.set(true));
        assertTrue(ran.get(), "after the first view, work runs at once");
        Job job = Job.create("timed from the first view", monitor -> Status.OK_STATUS);
        AfterFirstView.schedule(job, Duration.ZERO);
        assertTrue(job.join(10_000, null), "scheduled and run");
        assertEquals(IStatus.OK, job.getResult().getSeverity());
    }
}
