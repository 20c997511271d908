package org.salesbench.audit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.internal.Cli;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * The command line, run in-process over its real services (DS) as the launcher runs it: a change made through it is in
 * the history, an export is recorded, and {@code audit} prints both.
 */
class AuditCommandTest {

    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    @TempDir
    Path dir;

    private Result run(DatabaseSettings settings, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Cli(settings).run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String single(DatabaseSettings settings, String sql) throws SQLException {
        try (Connection c = Database.connect(settings); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void aChangeThroughTheCommandLineAndAnExportArePrintedByTheAuditCommand() throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("db"));
        Path file = Files.writeString(dir.resolve("c.csv"), "Name,Industry,Status\nAcme Ltd,technolgy,prospect\nBeta Ltd,retail,prospect\n");
        Result created = run(settings, "import", "customers", file.toString());
        assertEquals(0, created.code(), created.toString());
        Result updated = run(settings, "import", "customers", file.toString(), "--match", "name", "--on-match", "update", "--values",
                "industry:technolgy=technology");
        assertEquals(0, updated.code(), updated.toString());
        String id = single(settings, "SELECT ID FROM SB_CUSTOMER WHERE NAME = 'Acme Ltd'");
        String user = single(settings, "SELECT UPDATED_BY FROM SB_CUSTOMER WHERE NAME = 'Acme Ltd'");
        Path exported = dir.resolve("out.csv");
        Result export = run(settings, "export", "customers", exported.toString(), "--filter", "text=Acme");
        assertEquals(0, export.code(), export.toString());

        Result history = run(settings, "audit", "--entity", "customer", "--id", id);
        assertEquals(0, history.code(), history.toString());
        assertTrue(history.lines().get(0).startsWith("When\tUser\tClient\tEntity\tRecord\tEvent\tField\tOld value\tNew value"), history.out());
        List<String[]> rows = history.lines().stream().skip(1).map(l -> l.split("\t", -1)).toList();
        // the mapped value names the industry picklist's value, stored as its code
        String[] industry = rows.stream().filter(r -> r[6].equals("industry")).findFirst().orElseThrow(() -> new AssertionError(history.out()));
        assertEquals(List.of(user, "customer", id, "changed", "industry", "technolgy", "TECHNOLOGY"),
                List.of(industry[1], industry[3], industry[4], industry[5], industry[6], industry[7], industry[8]), history.out());

        Result byUser = run(settings, "audit", "--user", user, "--since", "2000-01-01");
        assertEquals(0, byUser.code(), byUser.toString());
        String exportLine = byUser.lines().stream().filter(l -> l.contains("\texported\t")).findFirst()
                .orElseThrow(() -> new AssertionError(byUser.out()));
        assertTrue(exportLine.contains("target=customers; file=out.csv; rows=1"), exportLine);
        assertTrue(byUser.lines().stream().anyMatch(l -> l.contains("\timported\t") && l.contains("created=2")), byUser.out());
    }

    @Test
    void badArgumentsAreUsageErrorsNamingWhatIsWrong() {
        DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("db"));
        Result unknown = run(settings, "audit", "--entity", "customer'; DROP TABLE SB_CUSTOMER; --");
        assertEquals(2, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("Unknown entity"), unknown.err());
        Result idAlone = run(settings, "audit", "--id", "42");
        assertEquals(2, idAlone.code(), idAlone.toString());
        Result badDate = run(settings, "audit", "--since", "yesterday");
        assertEquals(2, badDate.code(), badDate.toString());
        assertTrue(badDate.err().contains("--since"), badDate.err());
        Result forged = run(settings, "audit", "--entity", "customer", "--id", "-1");
        assertEquals(2, forged.code(), forged.toString());
    }
}
