package org.salesbench.cli.internal;

import java.io.PrintStream;
import java.nio.charset.Charset;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.salesbench.cli.CliCommand;
import org.salesbench.persistence.DatabaseSettings;

/**
 * The headless application {@code org.salesbench.cli.application}: no display, no workbench. The
 * launcher passes the database as {@code salesbench.db.*} system properties (as for the workbench)
 * and the command and its arguments as application arguments.
 */
public class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        org.salesbench.persistence.ClientName.declare(org.salesbench.persistence.ClientName.CLI);
        context.applicationRunning();
        Charset console = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, console);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, console);
        DatabaseSettings settings;
        try {
            settings = DatabaseSettings.fromSystemProperties();
        } catch (IllegalArgumentException e) {
            err.println(org.eclipse.osgi.util.NLS.bind(Messages.Cli_error, e.getMessage()));
            return CliCommand.USAGE;
        }
        settings = askForPassword(settings);
        int code = new Cli(settings).run(args == null ? new String[0] : args, out, err);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * A team server needs the person's own password: from {@code SALESBENCH_DB_PASSWORD} (read into the settings
     * already), from the PostgreSQL password file (the driver reads {@code ~/.pgpass} or {@code PGPASSFILE} itself),
     * or asked for at the terminal. Never from an argument.
     */
    private static DatabaseSettings askForPassword(DatabaseSettings settings) {
        if (settings.dialect() != DatabaseSettings.Dialect.POSTGRESQL || settings.password() != null || System.console() == null) {
            return settings;
        }
        String passFile = System.getenv("PGPASSFILE");
        java.nio.file.Path file = passFile != null ? java.nio.file.Path.of(passFile)
                : java.nio.file.Path.of(System.getProperty("user.home"), ".pgpass");
        if (java.nio.file.Files.isReadable(file)) {
            return settings;
        }
        String user = settings.user() != null ? settings.user() : System.getProperty("user.name");
        char[] password = System.console().readPassword(org.eclipse.osgi.util.NLS.bind(Messages.Cli_passwordPrompt, user, settings.displayName()));
        if (password == null) {
            return settings;
        }
        try {
            return new DatabaseSettings(settings.url(), user, new String(password));
        } finally {
            java.util.Arrays.fill(password, ' ');
        }
    }

    @Override
    public void stop() {
        // a command runs to its end; the framework is stopped afterwards
    }
}
