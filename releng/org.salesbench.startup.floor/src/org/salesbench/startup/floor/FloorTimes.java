package org.salesbench.startup.floor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

/**
 * The floor's start-up times, printed on the line the product's {@code org.salesbench.ui.StartupTimes} prints, so the
 * start-up benchmark reads both alike: with {@code -Dsalesbench.startup.times=true}, when the grid first paints, one
 * line {@code SALESBENCH-STARTUP: application=… display=… window=… first-paint=…} (ms since the JVM started), then the
 * process's CPU time at each ({@code cpu.…}, all threads) and the user interface thread's ({@code ui-cpu.…}); with
 * {@code -Dsalesbench.startup.exit=true} the workbench then closes. (The floor has no database phase.) The floor
 * depends on none of our bundles, hence this copy of the line's format rather than a use of the product's class.
 */
final class FloorTimes {

    private static final Map<String, Long> PHASES = new LinkedHashMap<>();
    private static final Map<String, Long> CPU = new LinkedHashMap<>();
    private static final Map<String, Long> UI_CPU = new LinkedHashMap<>();
    private static boolean painted;

    private FloorTimes() {
    }

    /** Notes that a phase of the start ended now, on the user interface thread (the first time only). */
    static synchronized void phase(String name) {
        if (Boolean.getBoolean("salesbench.startup.times") && !painted && !PHASES.containsKey(name)) {
            PHASES.put(name, ManagementFactory.getRuntimeMXBean().getUptime());
            CPU.put(name, ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            UI_CPU.put(name, threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() / 1_000_000 : -1L);
        }
    }

    /** The grid has painted its first rows: prints the line (once) and closes if asked to. */
    static synchronized void firstPaint(Display display) {
        if (painted || !Boolean.getBoolean("salesbench.startup.times")) {
            return;
        }
        phase("first-paint");
        painted = true;
        StringBuilder line = new StringBuilder("SALESBENCH-STARTUP:");
        PHASES.forEach((name, ms) -> line.append(' ').append(name).append('=').append(ms));
        CPU.forEach((name, ms) -> line.append(" cpu.").append(name).append('=').append(ms));
        UI_CPU.forEach((name, ms) -> line.append(" ui-cpu.").append(name).append('=').append(ms));
        System.out.println(line);
        System.out.flush();
        if (Boolean.getBoolean("salesbench.startup.exit")) {
            display.asyncExec(() -> {
                if (PlatformUI.isWorkbenchRunning()) {
                    PlatformUI.getWorkbench().close();
                }
            });
        }
    }
}
