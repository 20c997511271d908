package org.salesbench.ui.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/**
 * With {@code -Dsalesbench.smoketest=true} the product reports what it shows once start-up work
 * is done, then closes: the release build starts the materialized product this way to prove it
 * runs. Prints one line starting with {@code SALESBENCH-SMOKE:}.
 */
final class SmokeTest {

    static final String PROPERTY = "salesbench.smoketest";
    private static final int POLL_MS = 500;
    private static final int MAX_WAIT_MS = 180_000;
    /** Views refresh a moment after the work they wait for: report only after this long without jobs. */
    private static final int QUIET_MS = 3_000;

    private SmokeTest() {
    }

    static void runIfRequested(IWorkbenchWindow window) {
        if (Boolean.getBoolean(PROPERTY)) {
            Display display = window.getShell().getDisplay();
            display.timerExec(POLL_MS, () -> poll(window, display, 0, 0));
        }
    }

    private static void poll(IWorkbenchWindow window, Display display, int waited, int quiet) {
        boolean busy = !Job.getJobManager().isIdle();
        int quietFor = busy ? 0 : quiet + POLL_MS;
        if (quietFor < QUIET_MS && waited < MAX_WAIT_MS) {
            display.timerExec(POLL_MS, () -> poll(window, display, waited + POLL_MS, quietFor));
            return;
        }
        IWorkbenchPage page = window.getActivePage();
        String views = Arrays.stream(page.getViewReferences()).filter(r -> r.getView(false) != null)
                .map(SmokeTest::describe).collect(Collectors.joining(", "));
        System.out.println("SALESBENCH-SMOKE: perspective=" + page.getPerspective().getId() + " views=[" + views + "]"
                + (busy ? " (jobs still running)" : ""));
        System.out.flush();
        PlatformUI.getWorkbench().close();
    }

    private static String describe(IViewReference reference) {
        String description = reference.getContentDescription();
        return reference.getId() + (description == null || description.isEmpty() ? "" : " \"" + description + "\"");
    }
}
