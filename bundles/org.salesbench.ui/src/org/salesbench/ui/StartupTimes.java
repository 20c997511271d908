package org.salesbench.ui;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

/**
 * What a start costs, for the start-up benchmark: with {@code -Dsalesbench.startup.times=true} the workbench notes
 * when each phase of the start ended (milliseconds since the JVM started) and, when the first list paints its first
 * rows, prints one line {@code SALESBENCH-STARTUP: first-paint=… application=… database=… window=…}; with
 * {@code -Dsalesbench.startup.exit=true} as well it then closes. Without the property it does nothing.
 */
public final class StartupTimes {

    public static final String PROPERTY = "salesbench.startup.times";
    public static final String EXIT_PROPERTY = "salesbench.startup.exit";
    /** The line's prefix. */
    public static final String MARKER = "SALESBENCH-STARTUP:";

    private static final Map<String, Long> PHASES = new LinkedHashMap<>();
    private static boolean painted;

    private StartupTimes() {
    }

    private static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Notes that a phase of the start ended now (the first time only). */
    public static synchronized void phase(String name) {
        if (enabled() && !painted) {
            PHASES.putIfAbsent(name, ManagementFactory.getRuntimeMXBean().getUptime());
        }
    }

    /**
     * A list has just been given its first rows: the next paint of {@code control} is the first paint the user sees
     * with data. The first such paint of the run prints the line.
     */
    public static void rowsShown(Control control) {
        if (!enabled() || painted || control.isDisposed()) {
            return;
        }
        control.addListener(SWT.Paint, new org.eclipse.swt.widgets.Listener() {
            @Override
            public void handleEvent(org.eclipse.swt.widgets.Event event) {
                control.removeListener(SWT.Paint, this);
                firstPaint(control.getDisplay(), control.getClass().getSimpleName());
            }
        });
        control.redraw();
    }

    private static synchronized void firstPaint(Display display, String what) {
        if (painted) {
            return;
        }
        phase("first-paint");
        painted = true;
        StringBuilder line = new StringBuilder(MARKER);
        PHASES.forEach((name, ms) -> line.append(' ').append(name).append('=').append(ms));
        System.out.println(line);
        System.out.flush();
        if (Boolean.getBoolean(EXIT_PROPERTY)) {
            display.asyncExec(() -> {
                if (PlatformUI.isWorkbenchRunning()) {
                    PlatformUI.getWorkbench().close();
                }
            });
        }
    }
}
