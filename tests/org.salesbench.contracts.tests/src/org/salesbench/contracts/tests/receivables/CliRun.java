package org.salesbench.contracts.tests.receivables;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/** Runs a command against the test's database and receivables service, keeping what it printed. */
final class CliRun {

    private final CliCommand command;
    private final Database database;
    private final ReceivablesService service;
    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();

    CliRun(CliCommand command, Database database, ReceivablesService service) {
        this.command = command;
        this.database = database;
        this.service = service;
    }

    int run(String... args) throws CommandException {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return command.run(List.of(args), new CommandContext() {
            @Override
            public PrintStream out() {
                return o;
            }

            @Override
            public PrintStream err() {
                return e;
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
                return type == ReceivablesService.class ? type.cast(service) : null;
            }

            @Override
            public boolean debug() {
                return false;
            }
        });
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
