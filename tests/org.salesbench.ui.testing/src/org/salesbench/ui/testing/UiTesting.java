package org.salesbench.ui.testing;

import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

/** Drives the real SWT event loop in tests (there is no SWTBot on Maven Central). */
public final class UiTesting {

    private UiTesting() {
    }

    /** Processes events until {@code condition} holds, failing after {@code timeoutMs}. */
    public static void waitUntil(String what, BooleanSupplier condition, long timeoutMs) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Waits for the jobs of a family to finish, processing events meanwhile (their results arrive by asyncExec). */
    public static void waitForJobs(Object family) {
        waitUntil("jobs of " + family, () -> Job.getJobManager().find(family).length == 0, 60_000);
        spin(150);
    }

    /** Processes events for a while. */
    public static void spin(long ms) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** With SALESBENCH_SCREENSHOTS set to a folder, saves the screen there (to look at what users see). */
    public static void screenshot(String name) {
        String dir = System.getenv("SALESBENCH_SCREENSHOTS");
        if (dir == null) {
            return;
        }
        spin(300);
        try {
            new ProcessBuilder("import", "-window", "root", dir + "/" + name + ".png").inheritIO().start().waitFor();
        } catch (Exception e) {
            System.err.println("screenshot " + name + ": " + e);
        }
    }
}
