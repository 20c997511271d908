package org.salesbench.ui;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.salesbench.core.time.AfterFirstView;

/**
 * What a start costs, for the start-up benchmark: with {@code -Dsalesbench.startup.times=true} the workbench notes
 * when each phase of the start ended (milliseconds since the JVM started) and, when the first list paints its first
 * rows, prints one line {@code SALESBENCH-STARTUP: first-paint=… application=… database=… window=…}, then the CPU
 * time the whole process had used by the end of each phase ({@code cpu.application=…}, all threads: the JIT compilers,
 * the collector and the background jobs too) and the part of it the user interface thread used ({@code ui-cpu.…}), in
 * milliseconds: on a machine shared with other work the wall time varies with the load, the CPU time much less. With
 * {@code -Dsalesbench.startup.exit=true} as well it then closes. When the work timed from the first view is released it
 * also notes which Declarative Services components were active by then ({@link #activeAtFirstView()}) and prints them
 * on a line {@code SALESBENCH-COMPONENTS: active=N NAME …}. Without the property it notes nothing.
 * <p>
 * It is also where the workbench says that its first view has painted, which releases the work timed from that paint
 * ({@link AfterFirstView}: reminders, escalations, the pool's sweep, the nightly jobs): a view visible at start says it
 * {@linkplain #willAnswer() will answer} as it is made and {@linkplain #answerShown(Control, boolean) when} its first
 * answer is shown; with no such view, the work is released when the window is open.
 */
public final class StartupTimes {

    public static final String PROPERTY = "salesbench.startup.times";
    public static final String EXIT_PROPERTY = "salesbench.startup.exit";
    /** Words the Customers view types into its search box after the first paint, timing each filter's answer. */
    public static final String FILTER_PROPERTY = "salesbench.startup.filter";
    /** The line's prefix. */
    public static final String MARKER = "SALESBENCH-STARTUP:";

    private static final Map<String, Long> PHASES = new LinkedHashMap<>();
    private static final Map<String, Long> CPU = new LinkedHashMap<>();
    private static final Map<String, Long> UI_CPU = new LinkedHashMap<>();
    private static boolean painted;
    /** Views made during the start that will say when their first answer painted. */
    private static int answering;
    private static boolean windowOpen;
    private static volatile String releasedBy;
    private static volatile Set<String> activeAtFirstView;
    /** The second line's prefix: the components active when the first view released the held work. */
    public static final String COMPONENTS_MARKER = "SALESBENCH-COMPONENTS:";

    /** How long after the window opened the held work is released at the latest, when no view's answer painted. */
    static final int RELEASE_AT_THE_LATEST_MS = 120_000;

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
     * A view made as the workbench starts will call {@link #answerShown(Control, boolean)} once its first answer is
     * shown: the work timed from the first view waits for that paint rather than for the window alone.
     */
    public static synchronized void willAnswer() {
        if (!windowOpen) {
            answering++;
        }
    }

    /**
     * The workbench window is open (the first time only): notes the phase and, when no view made with it
     * {@linkplain #willAnswer() will answer}, releases the work timed from the first view once the window has painted;
     * otherwise the first answer's paint releases it, or, should none come (an error, a view closed meanwhile),
     * {@link #RELEASE_AT_THE_LATEST_MS} later.
     */
    public static void windowOpened(Display display) {
        phase("window");
        boolean waitForAnswer;
        synchronized (StartupTimes.class) {
            if (windowOpen) {
                return;
            }
            windowOpen = true;
            waitForAnswer = answering > 0;
        }
        if (waitForAnswer) {
            display.timerExec(RELEASE_AT_THE_LATEST_MS, () -> release("no answer after " + RELEASE_AT_THE_LATEST_MS + " ms"));
        } else {
            display.asyncExec(() -> release("the window"));
        }
    }

    private static void release(String by) {
        if (AfterFirstView.holding()) {
            if (enabled()) {
                activeAtFirstView = activeComponents();
                System.out.println(COMPONENTS_MARKER + " active=" + activeAtFirstView.size() + " " + String.join(" ", activeAtFirstView));
                System.out.flush();
            }
            releasedBy = by;
            AfterFirstView.release();
        }
    }

    /**
     * The names of the Declarative Services components that had an active configuration when the first view released
     * the work held for it (what the start brought up before the user saw the list), with {@code -D}{@value #PROPERTY}
     * only; {@code null} without it, or before the release.
     */
    public static Set<String> activeAtFirstView() {
        return activeAtFirstView;
    }

    /** The names of the Declarative Services components that have an active configuration now. */
    public static Set<String> activeComponents() {
        Set<String> active = new TreeSet<>();
        BundleContext context = FrameworkUtil.getBundle(StartupTimes.class).getBundleContext();
        ServiceReference<ServiceComponentRuntime> reference = context == null ? null : context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime runtime = reference == null ? null : context.getService(reference);
        if (runtime == null) {
            return active;
        }
        try {
            for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
                for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.ACTIVE) {
                        active.add(description.name);
                    }
                }
            }
        } finally {
            context.ungetService(reference);
        }
        return active;
    }

    /**
     * What released the work timed from the first view in this run: {@code "the first answer of NAME"} (the view's
     * control), {@code "the window"}, or {@code "no answer after … ms"}; {@code null} while it is held, or if this run
     * held none.
     */
    public static String releasedBy() {
        return releasedBy;
    }

    /**
     * A list has just been given its first answer, {@code rows} whether it has any: the next paint of {@code control}
     * is the first the user sees with it. That paint releases the work timed from the first view, and the first such
     * paint with rows prints the line.
     */
    public static void answerShown(Control control, boolean rows) {
        boolean timed = rows && enabled() && !painted;
        if ((!timed && !AfterFirstView.holding()) || control.isDisposed()) {
            return;
        }
        control.addListener(SWT.Paint, new org.eclipse.swt.widgets.Listener() {
            @Override
            public void handleEvent(org.eclipse.swt.widgets.Event event) {
                control.removeListener(SWT.Paint, this);
                if (timed) {
                    firstPaint(control.getDisplay(), control.getClass().getSimpleName());
                }
                release("the first answer of " + control.getClass().getSimpleName());
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
        // with filters to time (the Customers view's StartupFilterTiming), that closes it once they are typed
        if (Boolean.getBoolean(EXIT_PROPERTY) && System.getProperty(FILTER_PROPERTY, "").isBlank()) {
            display.asyncExec(() -> {
                if (PlatformUI.isWorkbenchRunning()) {
                    PlatformUI.getWorkbench().close();
                }
            });
        }
    }
}
