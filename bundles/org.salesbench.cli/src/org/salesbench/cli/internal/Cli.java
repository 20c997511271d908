package org.salesbench.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseSettings;

/**
 * The command line, in-process: {@code run(args, out, err)} finds the command, runs it against the
 * database of {@code settings} and returns the exit code. Messages go to {@code err} without stack
 * traces unless {@code --debug} is given; {@code out} carries only data.
 */
public final class Cli {

    private static final String DEBUG = "--debug";

    private final DatabaseSettings settings;

    public Cli(DatabaseSettings settings) {
        this.settings = settings;
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean debug = rest.remove(DEBUG);
        if (rest.isEmpty()) {
            err.print(overview());
            return CliCommand.USAGE;
        }
        String name = rest.remove(0);
        if (isHelp(name)) {
            out.print(overview());
            return CliCommand.OK;
        }
        Optional<CommandRegistry.Descriptor> descriptor = CommandRegistry.command(name);
        if (descriptor.isEmpty()) {
            err.println(NLS.bind(Messages.Cli_unknownCommand, name, String.join(", ", CommandRegistry.commands().stream()
                    .map(CommandRegistry.Descriptor::name).toList())));
            err.println(Messages.Cli_tryHelp);
            return CliCommand.USAGE;
        }
        Optional<CliCommand> command = descriptor.get().create();
        if (command.isEmpty()) {
            err.println(NLS.bind(Messages.Cli_brokenCommand, name, descriptor.get().contributor()));
            return CliCommand.DATA;
        }
        if (rest.stream().anyMatch(Cli::isHelp)) {
            out.print(command.get().help());
            return CliCommand.OK;
        }
        ServiceSession session = new ServiceSession(bundleContext(), settings, err);
        try {
            return command.get().run(List.copyOf(rest), new Context(out, err, session, debug));
        } catch (CommandException e) {
            report(err, e.getMessage(), e, debug);
            if (e.isUsage()) {
                err.println(NLS.bind(Messages.Cli_tryCommandHelp, name));
            }
            return e.exitCode();
        } catch (ValidationException e) {
            e.getErrors().forEach(fe -> err.println(NLS.bind(Messages.Cli_fieldError, fe.field(), fe.message())));
            if (debug) {
                e.printStackTrace(err);
            }
            return CliCommand.DATA;
        } catch (DatabaseException | AccessDeniedException e) {
            report(err, e.getMessage(), e, debug);
            return CliCommand.DATA;
        } catch (RuntimeException e) {
            report(err, NLS.bind(Messages.Cli_unexpected, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e,
                    debug);
            if (!debug) {
                err.println(Messages.Cli_debugHint);
            }
            return CliCommand.DATA;
        } finally {
            try {
                session.close();
            } catch (RuntimeException e) {
                report(err, e.getMessage(), e, debug);
            }
        }
    }

    private static void report(PrintStream err, String message, Throwable e, boolean debug) {
        err.println(NLS.bind(Messages.Cli_error, message));
        if (debug && e != null) {
            e.printStackTrace(err);
        }
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    /** The list of commands with one line each. */
    public static String overview() {
        StringBuilder text = new StringBuilder(Messages.Cli_usage).append(System.lineSeparator());
        for (CommandRegistry.Descriptor d : CommandRegistry.commands()) {
            text.append(String.format("  %-10s %s%n", d.name(), d.description()));
        }
        text.append(Messages.Cli_usageFooter).append(System.lineSeparator());
        return text.toString();
    }

    private static BundleContext bundleContext() {
        Bundle bundle = FrameworkUtil.getBundle(Cli.class);
        if (bundle.getBundleContext() == null) {
            try {
                bundle.start(Bundle.START_TRANSIENT);
            } catch (BundleException e) {
                throw new IllegalStateException(e);
            }
        }
        return bundle.getBundleContext();
    }

    private static final class Context implements CommandContext {
        private final PrintStream out;
        private final PrintStream err;
        private final ServiceSession session;
        private final boolean debug;

        Context(PrintStream out, PrintStream err, ServiceSession session, boolean debug) {
            this.out = out;
            this.err = err;
            this.session = session;
            this.debug = debug;
        }

        @Override public PrintStream out() { return out; }
        @Override public PrintStream err() { return err; }
        @Override public DatabaseSettings settings() { return session.settings(); }
        @Override public Database database() throws CommandException { return session.database(); }
        @Override public <S> S service(Class<S> type) throws CommandException { return session.service(type); }
        @Override public boolean debug() { return debug; }
    }
}
