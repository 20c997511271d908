package org.salesbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * The crash harness: {@code cli import} runs in a child process (its own JVM and OSGi framework, started from this test
 * runtime's bundles) against an embedded Derby database, and is killed with SIGKILL at a random point; then the
 * database is opened again, as the next start would, and checked: every import is whole or absent as its mode promises
 * (all-or-nothing: all rows or none; valid-rows: whole batches of 1,000), an import the child acknowledged is all there
 * (no lost commit), every customer's external id is there and none points at a customer that is not
 * (nothing half-written), and the database answers within 10 s without manual repair. Derby's durability is its
 * default. The first run is not killed: it makes the database and times an import, the random kills fall within that
 * time.
 * <p>
 * Edits are killed too: {@code cli import --match externalId --on-match update} changes two fields (industry and short
 * name) of every customer of the first run together; after a kill every such customer has both fields of one edit or
 * neither (no half-edited row), the edit is whole or absent as its mode promises, an acknowledged edit is all there,
 * and no edit made a customer twice.
 * <p>
 * Kept short for CI (one kill of an import and one of an edit: each child is a JVM and framework start);
 * {@code -Dsalesbench.crash.kills=20} runs longer, {@code -Dsalesbench.crash.seed=…} replays the kill points of a run
 * (the seed is printed with the table).
 */
class CrashHarnessTest {

    private static final int ROWS = 2_500;
    /** The command line's import batch ({@code ImportSettings.DEFAULT_BATCH}): valid-rows mode commits each. */
    private static final int BATCH = 1_000;
    private static final int KILLS = Integer.getInteger("salesbench.crash.kills", 1);
    private static final long RESTART_LIMIT_MILLIS = 10_000;
    private static final Pattern ACKNOWLEDGED = Pattern.compile("Created (\\d+), updated (\\d+)");

    @TempDir
    Path dir;

    private record Run(int number, String kind, String mode, long killedAfterMillis, boolean finished, String out) {

        boolean edit() {
            return kind.equals("edit");
        }
    }

    @Test
    void importsKilledAtRandomPointsAreWholeOrAbsentAndTheDatabaseOpensAtOnce() throws Exception {
        long seed = Long.getLong("salesbench.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path db = dir.resolve("db");
        List<Run> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        StringBuilder table = new StringBuilder("run | kind | mode | killed after ms | outcome | rows | restart ms\n");
        long slowestRestart = 0;

        long started = System.nanoTime();
        Run first = run(0, "all-or-nothing", db, -1);
        long importMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(first.finished(), "the run that is not killed completes: " + first.out());
        runs.add(first);
        table.append(check(db, runs, problems, 0));

        // each kill of an import is followed by a kill of an edit of the first run's customers
        for (int k = 1; k <= 2 * KILLS; k++) {
            long killAfter = importMillis / 4 + (long) (random.nextDouble() * importMillis * 3 / 4);
            String mode = (k + 1) / 2 % 2 == 1 ? "all-or-nothing" : "valid-rows";
            runs.add(k % 2 == 1 ? run(k, mode, db, killAfter) : edit(k, mode, db, killAfter));
            long opened = System.nanoTime();
            String line = check(db, runs, problems, opened);
            slowestRestart = Math.max(slowestRestart, lastRestartMillis);
            table.append(line);
        }
        long kills = runs.stream().filter(r -> !r.finished()).count();
        String report = table + "seed " + seed + ": runs " + runs.size() + ", kills " + kills + ", lost commits " + lostCommits
                + ", inconsistencies " + inconsistencies + ", slowest restart " + slowestRestart + " ms";
        System.out.println(report);
        assertEquals(List.of(), problems, report);
        assertTrue(slowestRestart < RESTART_LIMIT_MILLIS, report);
    }

    private long lostCommits;
    private long inconsistencies;
    private long lastRestartMillis;

    /**
     * Opens the database as the next start would (Derby recovers from its log), times its first answer, checks every run
     * so far and shuts it down again; the table line of the last run.
     */
    private String check(Path db, List<Run> runs, List<String> problems, long opened) throws SQLException {
        Run last = runs.get(runs.size() - 1);
        long lastRows = 0;
        try (Connection c = Database.connect(DatabaseSettings.embedded(db)); Statement s = c.createStatement()) {
            query(s, "SELECT COUNT(*) FROM SB_CUSTOMER"); // the first answer after the kill
            lastRestartMillis = opened == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened);
            for (Run run : runs) {
                if (run.edit()) {
                    continue; // a later edit changes the same customers: only the last one is checked, below
                }
                long rows = query(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME LIKE 'Crash" + run.number() + " %'");
                lastRows = rows;
                Matcher ack = ACKNOWLEDGED.matcher(run.out());
                if (ack.find() && Long.parseLong(ack.group(1)) == ROWS && rows != ROWS) {
                    lostCommits++;
                    problems.add("run " + run.number() + ": acknowledged " + ROWS + " rows, found " + rows);
                }
                boolean whole = run.mode().equals("all-or-nothing") ? rows == 0 || rows == ROWS : rows == ROWS || rows % BATCH == 0;
                if (!whole) {
                    inconsistencies++;
                    problems.add("run " + run.number() + " (" + run.mode() + "): " + rows + " rows");
                }
                long ids = query(s, "SELECT COUNT(*) FROM SB_IMPORT_EXTERNAL_ID WHERE ENTITY = 'customer' AND EXTERNAL_ID LIKE 'crash"
                        + run.number() + "-%'");
                if (ids != rows) {
                    inconsistencies++;
                    problems.add("run " + run.number() + ": " + rows + " customers but " + ids + " external ids");
                }
            }
            long dangling = query(s, "SELECT COUNT(*) FROM SB_IMPORT_EXTERNAL_ID e WHERE e.ENTITY = 'customer' AND NOT EXISTS "
                    + "(SELECT 1 FROM SB_CUSTOMER c WHERE c.ID = e.RECORD_ID)");
            long orphanContacts = query(s, "SELECT COUNT(*) FROM SB_CONTACT k WHERE NOT EXISTS (SELECT 1 FROM SB_CUSTOMER c WHERE c.ID = k.CUSTOMER_ID)");
            if (last.edit()) {
                lastRows = checkEdit(s, last, problems);
            }
            // the search index is a cache beside the database, rebuilt from it: nothing to check in the database
            if (dangling + orphanContacts > 0) {
                inconsistencies++;
                problems.add("after run " + last.number() + ": " + dangling + " external ids of no customer, " + orphanContacts
                        + " contacts of no customer");
            }
        } finally {
            shutDown(db);
        }
        return last.number() + " | " + last.kind() + " | " + last.mode() + " | " + (last.killedAfterMillis() < 0 ? "-" : Long.toString(last.killedAfterMillis()))
                + " | " + (last.finished() ? "finished" : "killed") + " | " + lastRows + " | " + lastRestartMillis + "\n";
    }

    /**
     * Checks the edit {@code run} of the first run's customers: each has both fields of one edit or neither, this edit is
     * whole or absent as its mode promises and all there if acknowledged, and there are still ROWS of them. Returns how
     * many this edit changed.
     */
    private long checkEdit(Statement s, Run run, List<String> problems) throws SQLException {
        String industry = "Edit" + run.number();
        long edited = query(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME LIKE 'Crash0 %' AND INDUSTRY = '" + industry + "'");
        long halfEdited = query(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME LIKE 'Crash0 %'"
                + " AND COALESCE(LOWER(INDUSTRY), '') <> COALESCE(SHORT_NAME, '')");
        long customers = query(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME LIKE 'Crash0 %'");
        if (halfEdited > 0) {
            inconsistencies++;
            problems.add("edit " + run.number() + ": " + halfEdited + " customers with one field of an edit and not the other");
        }
        boolean whole = run.mode().equals("all-or-nothing") ? edited == 0 || edited == ROWS : edited == ROWS || edited % BATCH == 0;
        if (!whole) {
            inconsistencies++;
            problems.add("edit " + run.number() + " (" + run.mode() + "): " + edited + " customers edited");
        }
        if (customers != ROWS) {
            inconsistencies++;
            problems.add("edit " + run.number() + ": " + customers + " customers of the first run, not " + ROWS);
        }
        Matcher ack = ACKNOWLEDGED.matcher(run.out());
        if (ack.find() && Long.parseLong(ack.group(2)) == ROWS && edited != ROWS) {
            lostCommits++;
            problems.add("edit " + run.number() + ": acknowledged " + ROWS + " updates, found " + edited);
        }
        return edited;
    }

    /** One child: imports ROWS customers named {@code Crash<n> …}, killed after {@code killAfter} ms (never if negative). */
    private Run run(int number, String mode, Path db, long killAfter) throws Exception {
        StringBuilder csv = new StringBuilder("Name,External Id\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("Crash").append(number).append(" Trading Co ").append(i).append(",crash").append(number).append('-').append(i).append('\n');
        }
        Path file = Files.writeString(dir.resolve("crash-" + number + ".csv"), csv, StandardCharsets.UTF_8);
        return child(number, "import", mode, db, killAfter, List.of("import", "customers", file.toString(), "--mode", mode));
    }

    /**
     * One child: edits the first run's ROWS customers, matched by their external ids, setting industry {@code Edit<n>}
     * and short name {@code edit<n>}; killed after {@code killAfter} ms.
     */
    private Run edit(int number, String mode, Path db, long killAfter) throws Exception {
        StringBuilder csv = new StringBuilder("Name,External Id,Industry,Short Name\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("Crash0 Trading Co ").append(i).append(",crash0-").append(i).append(",Edit").append(number).append(",edit").append(number)
                    .append('\n');
        }
        Path file = Files.writeString(dir.resolve("edit-" + number + ".csv"), csv, StandardCharsets.UTF_8);
        return child(number, "edit", mode, db, killAfter,
                List.of("import", "customers", file.toString(), "--match", "externalId", "--on-match", "update", "--mode", mode));
    }

    private Run child(int number, String kind, String mode, Path db, long killAfter, List<String> arguments) throws Exception {
        Path out = dir.resolve("child-" + number + ".out");
        Process child = new ProcessBuilder(childCommand(db, arguments))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean finished;
        if (killAfter < 0) {
            // generous: on a machine shared with other builds a JVM and framework start alone can take a minute
            finished = child.waitFor(300, TimeUnit.SECONDS);
        } else {
            finished = child.waitFor(killAfter, TimeUnit.MILLISECONDS);
        }
        if (!finished) {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no Derby shutdown, no flush
            child.waitFor(30, TimeUnit.SECONDS);
        }
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        if (finished && child.exitValue() != 0) {
            throw new AssertionError("run " + number + " exited with " + child.exitValue() + ":\n" + printed);
        }
        return new Run(number, kind, mode, killAfter, finished, printed);
    }

    /**
     * The command that starts the command line in a JVM and OSGi framework of its own, with the bundles of this test
     * runtime (its configuration, copied without the test application) on the given database.
     */
    private List<String> childCommand(Path db, List<String> arguments) throws IOException {
        Path configuration = dir.resolve("configuration");
        if (!Files.exists(configuration.resolve("config.ini"))) {
            Path ours = Path.of(URI.create(System.getProperty("osgi.configuration.area")));
            String ini = Files.readAllLines(ours.resolve("config.ini"), StandardCharsets.ISO_8859_1).stream()
                    .filter(l -> !l.startsWith("eclipse.application") && !l.startsWith("eclipse.product") && !l.startsWith("eclipse.ignoreApp")
                            && !l.startsWith("osgi.noShutdown") && !l.startsWith("osgi.instance.area") && !l.startsWith("osgi.configuration.area"))
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.createDirectories(configuration);
            Files.writeString(configuration.resolve("config.ini"), ini, StandardCharsets.ISO_8859_1);
        }
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-Djava.awt.headless=true", "-Dlog4j2.statusLoggerLevel=OFF",
                "-Dosgi.noShutdown=false", "-Declipse.application=org.salesbench.cli.application",
                "-Dsalesbench.db.url=jdbc:derby:" + db.toAbsolutePath() + ";create=true",
                "-Dderby.stream.error.file=" + dir.resolve("derby.log")));
        // the module options this JVM was started with (Tycho's argLine), never its agents or debugger
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("--enable-native-access")).forEach(command::add);
        command.addAll(List.of("-cp", classPath,
                classPath.contains("org.eclipse.equinox.launcher") ? "org.eclipse.equinox.launcher.Main" : "org.eclipse.core.runtime.adaptor.EclipseStarter"));
        String install = System.getProperty("osgi.install.area");
        if (install != null) {
            command.addAll(List.of("-install", install));
        }
        command.addAll(List.of("-configuration", configuration.toUri().toString(), "-data", dir.resolve("workspace").toString()));
        String dev = System.getProperty("osgi.dev");
        if (dev != null && !dev.isBlank()) {
            command.addAll(List.of("-dev", dev));
        }
        command.addAll(List.of("-application", "org.salesbench.cli.application"));
        command.addAll(arguments);
        return command;
    }

    private static long query(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void shutDown(Path db) {
        try {
            Database.connect(new DatabaseSettings("jdbc:derby:" + db.toAbsolutePath() + ";shutdown=true", null, null)).close();
        } catch (SQLException expected) {
            // Derby answers a clean shutdown with SQLState 08006
        }
    }
}
