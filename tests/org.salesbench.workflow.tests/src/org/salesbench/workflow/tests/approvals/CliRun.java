package org.salesbench.workflow.tests.approvals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.salesbench.cli.internal.Cli;
import org.salesbench.persistence.DatabaseSettings;

/** One command line run in-process over the real services, as the launcher runs it, on an embedded database. */
record CliRun(int code, String out, String err) {

    static CliRun run(Path database, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Cli(DatabaseSettings.embedded(database)).run(args, o, e);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
