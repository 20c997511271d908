package org.salesbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.salesbench.cli.internal.Messages;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl+C (SIGINT) and SIGTERM while a command does work that stops cleanly when its progress monitor is cancelled (an
 * import, a migration): the first signal cancels the monitor, as Cancel on the workbench's progress does, so the command
 * stops where its engine stops on a cancel, prints its summary and returns {@link CliCommand#CANCELLED}; a second signal
 * ends the process at once with the signal's own default action (exit status 128 + its number), as a kill does (what a
 * killed import leaves is whole, see the crash harness). Outside such work, and on a JVM without signal handling, the
 * signals end the process as they always did.
 *
 * <pre>
 * try (Interrupts interrupts = Interrupts.cancelling(monitor, context.err())) {
 *     result = service.run(file, read, settings, monitor);
 *     return interrupts.happened() ? CliCommand.CANCELLED : CliCommand.OK;
 * }
 * </pre>
 */
public final class Interrupts implements AutoCloseable {

    private static final String[] SIGNALS = { "INT", "TERM" };

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final AtomicInteger received = new AtomicInteger();

    private Interrupts() {
    }

    /** From now until {@link #close}: the first SIGINT or SIGTERM cancels {@code monitor}, the second ends the process as a kill does. */
    public static Interrupts cancelling(IProgressMonitor monitor, PrintStream err) {
        Interrupts interrupts = new Interrupts();
        try {
            interrupts.handle(monitor, err);
        } catch (LinkageError e) {
            // a runtime without sun.misc (the import is optional): the signals end the process as before
        }
        return interrupts;
    }

    private void handle(IProgressMonitor monitor, PrintStream err) {
        SignalHandler handler = signal -> {
            if (received.incrementAndGet() == 1) {
                monitor.setCanceled(true);
                err.println();
                err.println(Messages.Cli_cancelling);
                err.flush();
            } else {
                err.println();
                err.println(Messages.Cli_stoppedAtOnce);
                err.flush();
                // ended by the signal itself, as a kill: not Runtime.halt, which still writes the class data archive at exit
                // (-XX:+AutoCreateSharedArchive, as the launch scripts start us) while other threads run on, and crashed the
                // JVM under a thread linking a lambda; the database's recovery undoes what is open
                endBy(signal);
            }
        };
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                previous.put(signal, Signal.handle(signal, handler));
            } catch (IllegalArgumentException e) {
                // this JVM does not let the signal be handled (-Xrs, or an unknown signal here): it ends the process as before
            }
        }
    }

    /**
     * The signal's default action (the process ends, its status 128 + the signal's number), by the operating system:
     * with the default restored, the signal is sent again by kill(1). {@code Signal.raise} cannot, it raises only signals
     * that have a Java handler. Where there is no kill(1), {@link Runtime#halt}.
     */
    private static void endBy(Signal signal) {
        try {
            Signal.handle(signal, SignalHandler.SIG_DFL);
            Process kill = new ProcessBuilder("kill", "-" + signal.getName(), Long.toString(ProcessHandle.current().pid())).start();
            kill.waitFor(5, TimeUnit.SECONDS); // the process normally ends during the wait
        } catch (IOException | RuntimeException e) {
            // no kill(1), or the default cannot be restored here: halt below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(CliCommand.CANCELLED);
    }

    /** Whether a signal cancelled the work. */
    public boolean happened() {
        return received.get() > 0;
    }

    /** The signals end the process again, as before {@link #cancelling}. */
    @Override
    public void close() {
        if (!previous.isEmpty()) {
            previous.forEach(Signal::handle);
            previous.clear();
        }
    }
}
