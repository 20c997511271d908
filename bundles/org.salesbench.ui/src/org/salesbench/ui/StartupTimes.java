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
 * rows, prints one line {@code SALESBENCH-STARTUP: first-paint=… application=… database=… window=…}, then the CPU
 * time the whole process had used by the end of each phase ({@code cpu.application=…}, all threads: the JIT compilers,
 * the collector and the background jobs too) and the part of it the user interface thread used ({@code ui-cpu.…}), in
 * milliseconds: on a machine shared with other work the wall time varies with the load, the CPU time much less. With
 * {@code -Dsalesbench.startup.exit=true} as well it then closes. Without the property it does nothing.
 */
public final class StartupTimes {

    public static final String PROPERTY = "salesbench.startup.times";
    public static final String EXIT_PROPERTY = "salesbench.startup.exit";
    /** The line's prefix. */
    public static final String MARKER = "SALESBENCH-STARTUP:";

    private static final Map<String, Long> PHASES = new LinkedHashMap<>();
    private static final Map<String, Long> CPU = new LinkedHashMap<>();
    private static final Map<String, Long> UI_CPU = new LinkedHashMap<>();
    private static boolean painted;

    private StartupTimes() {
    }

    private static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Notes that a phase of the start ended now (the first time only). */
    public static synchronized void phase(String name) {
        if (enabled() && !painted) {
            if (PHASES.putIfAbsent(name, ManagementFactory.getRuntimeMXBean().getUptime()) == null) {
                CPU.put(name, ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L));
                java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                // the phases end on the user interface thread (the application's start runs on it)
                UI_CPU.put(name, threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() / 1_000_000 : -1L);
            }
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
        CPU.forEach((name, ms) -> line.append(" cpu.").append(name).append('=').append(ms));
        UI_CPU.forEach((name, ms) -> line.append(" ui-cpu.").append(name).append('=').append(ms));
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
