package org.salesbench.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.salesbench.cli.internal.Messages;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl+C (SIGINT) and SIGTERM while a command does work that stops cleanly when its progress monitor is cancelled (an
 * import, a migration): the first signal cancels the monitor, as Cancel on the workbench's progress does, so the command
 * stops where its engine stops on a cancel, prints its summary and returns {@link CliCommand#CANCELLED}; a second signal
 * ends the process at once, as a kill does (what a killed import leaves is whole, see the crash harness). Outside such
 * work, and on a JVM without signal handling, the signals end the process as they always did.
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

    /** From now until {@link #close}: the first SIGINT or SIGTERM cancels {@code monitor}, the second halts the process. */
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
                Runtime.getRuntime().halt(CliCommand.CANCELLED); // no shutdown, as a kill: the database's recovery undoes what is open
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
