package org.salesbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.CliCommand;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.CliChild;
import org.salesbench.testing.MigrationExports;

/**
 * Ctrl+C on the command line, as the crash harness runs it: {@code cli migrate} and {@code cli import} in a child process
 * (its own JVM and framework) sent SIGINT or SIGTERM while it reads a file, once its progress line shows the file's first
 * batch. The first signal cancels as the wizard's Cancel does — the file keeps exactly the whole batches its summary
 * counts, the files after it are not read, the summary is printed, the exit code is {@link CliCommand#CANCELLED} — and the
 * same command run again imports the rest, nothing twice; a second signal ends the process at once, without a summary,
 * leaving what a kill leaves.
 */
@EnabledOnOs(OS.LINUX) // signals are sent with kill(1)
class CommandLineInterruptTest {

    private static final int ACCOUNTS = 40;
    private static final int CONTACTS = 30_000;
    private static final int CUSTOMERS = 30_000;
    /** English summaries whatever the machine's language; the bulk path whatever the file's size (as a real export's). */
    private static final List<String> JVM = List.of("-Duser.language=en", "-Duser.country=US", "-Dsalesbench.import.bulkBytes=1");

    @TempDir
    Path dir;

    private final String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

    @Test
    void ctrlCInsideAFileOfAMigrationKeepsItsWholeBatchesPrintsTheSummaryAndTheNextRunImportsTheRest() throws Exception {
        Path folder = MigrationExports.accountsContactsAndATask(dir.resolve("export"), unique, ACCOUNTS, CONTACTS);
        Path db = dir.resolve("migrate-db");
        Child first = Child.start(dir, db, "migrate", List.of("migrate", "salesforce", folder.toString(), "--progress"));
        first.awaitError("Contact.csv: ");
        first.signal("INT");
        assertEquals(CliCommand.CANCELLED, first.exit(), first.printed());

        String out = first.out();
        assertTrue(out.contains("Account.csv \u2192 customers: created " + ACCOUNTS + ","), out);
        Matcher stopped = Pattern.compile("Contact\\.csv \u2192 contacts: cancelled after row (\\d+): created (\\d+), updated 0, skipped 0, failed 0")
                .matcher(out);
        assertTrue(stopped.find(), "the contacts' file was cancelled inside, at a batch: " + first.printed());
        long lastRow = Long.parseLong(stopped.group(1));
        int kept = Integer.parseInt(stopped.group(2));
        assertTrue(kept > 0 && kept < CONTACTS, "inside the file: " + out);
        assertEquals(0, kept % 1000, "whole batches of 1,000: " + out);
        assertEquals(kept + 1, lastRow, "the file's first rows, its header being row 1: " + out);
        assertTrue(out.contains("Cancelled: the files after the last one listed were not imported."), out);
        assertFalse(out.contains("Task.csv"), "the files after the cancelled one are not read: " + out);
        assertTrue(first.err().contains("Cancelling"), first.err());

        String contacts = "FROM SB_CONTACT WHERE NAME LIKE '%" + unique + "x%'";
        inDatabase(db, s -> {
            assertEquals(ACCOUNTS, query(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME LIKE 'Cancel Test " + unique + "%'"));
            assertEquals(kept, query(s, "SELECT COUNT(*) " + contacts), "exactly the batches the summary counts");
            assertEquals(kept, query(s, "SELECT COUNT(*) FROM SB_CONTACT_EMAIL WHERE CONTACT_ID IN (SELECT ID " + contacts + ")"),
                    "each with its e-mail");
            assertEquals(kept, query(s, "SELECT COUNT(*) FROM SB_CONTACT_EXTERNAL_ID WHERE ENTITY = 'contact' AND EXTERNAL_ID LIKE '003" + unique
                    + "x%' AND CAST(SUBSTR(EXTERNAL_ID, " + (5 + unique.length()) + ") AS INT) < " + kept), "the file's first rows, none after");
            assertEquals(0, query(s, "SELECT COUNT(*) FROM SB_ACTIVITY WHERE SUMMARY LIKE '%" + unique + "%'"));
        });

        Child again = Child.start(dir, db, "migrate-again", List.of("migrate", "salesforce", folder.toString()));
        assertEquals(CliCommand.OK, again.exit(), again.printed());
        assertTrue(again.out().contains("Account.csv \u2192 customers: created 0, updated 0, skipped " + ACCOUNTS + ","), again.out());
        assertTrue(again.out().contains("Contact.csv \u2192 contacts: created " + (CONTACTS - kept) + ", updated 0, skipped " + kept + ", failed 0."),
                again.out());
        inDatabase(db, s -> {
            assertEquals(ACCOUNTS, query(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME LIKE 'Cancel Test " + unique + "%'"), "no account twice");
            assertEquals(CONTACTS, query(s, "SELECT COUNT(*) " + contacts), "no contact twice");
            assertEquals(1, query(s, "SELECT COUNT(*) FROM SB_ACTIVITY WHERE SUMMARY LIKE '%" + unique + "%'"));
        });
    }

    @Test
    void sigtermInsideAnImportOfValidRowsKeepsTheBatchesItsSummaryNamesAndAMatchedRerunImportsTheRest() throws Exception {
        Path file = customers("valid-rows.csv");
        Path db = dir.resolve("import-db");
        Child first = Child.start(dir, db, "import", List.of("import", "customers", file.toString(), "--mode", "valid-rows", "--progress"));
        first.awaitError(" of " + CUSTOMERS + " rows");
        first.signal("TERM");
        assertEquals(CliCommand.CANCELLED, first.exit(), first.printed());
        Matcher summary = Pattern.compile("Created (\\d+), updated 0, skipped 0, failed 0\\.\\RCancelled: the rows up to row (\\d+) were imported, none after it\\.")
                .matcher(first.out());
        assertTrue(summary.find(), first.printed());
        int kept = Integer.parseInt(summary.group(1));
        assertTrue(kept > 0 && kept < CUSTOMERS && kept % 1000 == 0, "whole batches, inside the file: " + first.printed());
        assertEquals(kept + 1, Long.parseLong(summary.group(2)), first.printed());
        assertTrue(first.err().contains("--match"), "how to import the rest: " + first.err());
        inDatabase(db, s -> {
            assertEquals(kept, query(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME LIKE 'Interrupted " + unique + "%'"));
            assertEquals(kept, query(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME LIKE 'Interrupted " + unique + "%' AND CAST(SUBSTR(NAME, "
                    + ("Interrupted ".length() + unique.length() + 2) + ") AS INT) < " + kept), "the file's first rows");
        });

        Child again = Child.start(dir, db, "import-again", List.of("import", "customers", file.toString(), "--mode", "valid-rows", "--match",
                "externalId"));
        assertEquals(CliCommand.OK, again.exit(), again.printed());
        assertTrue(again.out().contains("Created " + (CUSTOMERS - kept) + ", updated 0, skipped " + kept + ", failed 0."), again.printed());
        inDatabase(db, s -> {
            assertEquals(CUSTOMERS, query(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME LIKE 'Interrupted " + unique + "%'"), "nothing twice");
        });
    }

    @Test
    void aSecondCtrlCEndsAnImportAtOnceWithoutItsSummaryAndAnAllOrNothingImportLeavesNothing() throws Exception {
        Path file = customers("all-or-nothing.csv");
        Path db = dir.resolve("twice-db");
        Child child = Child.start(dir, db, "twice", List.of("import", "customers", file.toString(), "--progress"));
        child.awaitError(" of " + CUSTOMERS + " rows");
        child.signalTwice("INT"); // the second a fifth of a second after the first, while the cancel is under way
        assertEquals(CliCommand.CANCELLED, child.exit(), child.printed());
        assertTrue(child.err().contains("Stopped at once"), child.printed());
        assertFalse(child.out().contains("Created"), "no summary: " + child.printed());
        // what a kill leaves: the all-or-nothing load into an empty table committed nothing
        inDatabase(db, s -> {
            assertEquals(0, query(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME LIKE 'Interrupted " + unique + "%'"));
        });
    }

    /** CUSTOMERS customers "Interrupted <unique> n" with external ids. */
    private Path customers(String name) throws IOException {
        StringBuilder csv = new StringBuilder("Name,External Id\n");
        for (int i = 0; i < CUSTOMERS; i++) {
            csv.append("Interrupted ").append(unique).append(' ').append(i).append(",int-").append(unique).append('-').append(i).append('\n');
        }
        return Files.writeString(dir.resolve(name), csv, StandardCharsets.UTF_8);
    }

    /** A command line in a process of its own, its standard output and error in files. */
    private record Child(Process process, Path outFile, Path errFile) {

        static Child start(Path dir, Path db, String name, List<String> arguments) throws IOException {
            Path out = dir.resolve(name + ".out");
            Path err = dir.resolve(name + ".err");
            List<String> command = new ArrayList<>();
            // a process whose SIGINT is ignored passes that on to its children (a build run in the background by a script
            // is): as at a terminal, the command starts with Ctrl+C's default, which Interrupts then takes over
            command.addAll(List.of("env", "--default-signal=INT"));
            command.addAll(CliChild.command(dir, "jdbc:derby:" + db.toAbsolutePath() + ";create=true", JVM, arguments));
            return new Child(new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
        }

        /** Waits until standard error shows {@code text} (a progress line drawn once a batch is handed over). */
        void awaitError(String text) throws Exception {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (!err().contains(text)) {
                if (!process.isAlive() || System.nanoTime() > end) {
                    throw new AssertionError("never printed \"" + text + "\":\n" + printed());
                }
                Thread.sleep(5);
            }
        }

        /** Sends the signal ({@code INT}, {@code TERM}) as Ctrl+C at the terminal or a service manager would. */
        void signal(String name) throws Exception {
            if ("TERM".equals(name)) {
                process.destroy(); // SIGTERM, sent at once
                return;
            }
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor(), "kill -" + name);
        }

        /** The signal twice, 200 ms apart: Ctrl+C pressed again while the command cancels. */
        void signalTwice(String name) throws Exception {
            String pid = Long.toString(process.pid());
            new ProcessBuilder("sh", "-c", "kill -" + name + " " + pid + "; sleep 0.2; kill -" + name + " " + pid + " 2>/dev/null").inheritIO().start()
                    .waitFor();
        }

        int exit() throws Exception {
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not end:\n" + printed());
            }
            return process.exitValue();
        }

        String out() throws IOException {
            return Files.readString(outFile, StandardCharsets.UTF_8);
        }

        String err() throws IOException {
            return Files.exists(errFile) ? Files.readString(errFile, StandardCharsets.UTF_8) : "";
        }

        String printed() throws IOException {
            return "--- standard output:\n" + out() + "\n--- standard error:\n" + err();
        }
    }

    /** What {@code check} asserts of the database {@code db} (opened, then shut down so that the next child can open it). */
    private static void inDatabase(Path db, DatabaseCheck check) throws SQLException {
        try (Connection c = Database.connect(DatabaseSettings.embedded(db)); Statement s = c.createStatement()) {
            check.accept(s);
        } finally {
            CliFixture.shutDown(db);
        }
    }

    private interface DatabaseCheck {
        void accept(Statement s) throws SQLException;
    }

    private static long query(Statement s, String sql) throws SQLException {
        return CliFixture.query(s, sql);
    }
}
