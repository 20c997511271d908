package org.salesbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;
import org.salesbench.core.time.NightlyJob;

/** Nightly work runs in the workbench and tests, a little after the start; never in the command line's process. */
class NightlyJobTest {

    @Test
    void theCommandLinesProcessRunsNoNightlyWorkAndOthersRunItAfterTheirDelay() throws InterruptedException {
        String application = System.getProperty("eclipse.application");
        AtomicInteger runs = new AtomicInteger();
        Object commandLine = new Object();
        Object elsewhere = new Object();
        NightlyJob inCommandLine = new NightlyJob("cli", commandLine, LocalTime.of(0, 5), runs::incrementAndGet, () -> "failed", getClass());
        NightlyJob inTests = new NightlyJob("tests", elsewhere, LocalTime.of(0, 5), runs::incrementAndGet, () -> "failed", getClass());
        try {
            System.setProperty("eclipse.application", NightlyJob.COMMAND_LINE_APPLICATION);
            inCommandLine.start(Duration.ZERO);
            assertEquals(0, Job.getJobManager().find(commandLine).length, "nothing scheduled in the command line");
            restore(application);
            inTests.start(Duration.ZERO);
            long started = System.nanoTime();
            while (runs.get() == 0 && System.nanoTime() - started < Duration.ofSeconds(30).toNanos()) {
                Thread.sleep(20);
            }
            assertEquals(1, runs.get(), "the tests' run, and only it");
            assertEquals(1, Job.getJobManager().find(elsewhere).length, "rescheduled for the next night");
        } finally {
            restore(application);
            inCommandLine.stop();
            inTests.stop();
        }
    }

    private static void restore(String application) {
        if (application == null) {
            System.clearProperty("eclipse.application");
        } else {
            System.setProperty("eclipse.application", application);
        }
    }
}
