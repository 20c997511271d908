package org.salesbench.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * Runs a module's CLI command in the test's OSGi runtime against a test database, with the services the test hands
 * it, and keeps what the command printed for the assertions. Each run starts with empty output.
 */
public final class CommandRunner {

    private final CliCommand command;
    private final Database database;
    private final Map<Class<?>, Object> services = new HashMap<>();
    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();

    public CommandRunner(CliCommand command, Database database) {
        this.command = command;
        this.database = database;
    }

    /** Hands {@code service} to the command when it asks for {@code type}; any other type is absent (null). */
    public <S> CommandRunner with(Class<S> type, S service) {
        services.put(type, service);
        return this;
    }

    /** Runs the command with {@code args}, returning its exit code; a refusal is thrown as the command throws it. */
    public int run(String... args) throws CommandException {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        return command.run(List.of(args), new CommandContext() {
            @Override
            public PrintStream out() {
                return outStream;
            }

            @Override
            public PrintStream err() {
                return errStream;
            }

            @Override
            public DatabaseSettings settings() {
                return database.settings();
            }

            @Override
            public Database database() {
                return database;
            }

            @Override
            public <S> S service(Class<S> type) {
                return type.cast(services.get(type));
            }

            @Override
            public boolean debug() {
                return false;
            }
        });
    }

    /** What the last run printed on standard output. */
    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the last run printed on standard error (progress, counts, warnings). */
    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
