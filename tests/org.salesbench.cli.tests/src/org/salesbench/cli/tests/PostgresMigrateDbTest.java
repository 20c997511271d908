package org.salesbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.internal.Messages;
import org.salesbench.cli.internal.commands.TableChecksums;
import org.salesbench.cli.tests.CliFixture.Result;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;

/**
 * {@code migrate-db} on the real stack: an embedded Derby database filled by the demo command plus hand-made records
 * (Chinese names, a timestamp finer than the server keeps) moves into a schema of its own on the PostgreSQL server
 * {@code SALESBENCH_TEST_PG_URL} names. Counts and checksums of every table match (checked again here, apart from the
 * command's own check), the board totals the server's triggers keep agree with its deals, the workbench's services open
 * the server database and find a customer through the search index, a new record takes an id no copied record has, and
 * a second move is refused unless --replace is given. The password comes from a password file, as a team's would.
 */
@Tag("postgres")
class PostgresMigrateDbTest {

    private static final String PASSWORD = PostgresSchema.USER;

    @TempDir
    Path dir;
    private CliFixture cli;
    private PostgresSchema schema;
    private String home;

    @BeforeEach
    void setUp() {
        cli = new CliFixture(dir);
        home = System.getProperty("user.home");
    }

    @AfterEach
    void tearDown() {
        System.setProperty("user.home", home);
        if (schema != null) {
            schema.close();
        }
    }

    /** Runs the command with a home folder whose password file gives {@code password} to the test user. */
    private Result migrate(String password, String... options) throws Exception {
        Path userHome = Files.createDirectories(dir.resolve("home-" + password.hashCode()));
        Files.writeString(userHome.resolve(".pgpass"), "*:*:*:someone_else:not-this-one\n*:*:*:" + PostgresSchema.USER + ":" + password + "\n");
        List<String> args = new ArrayList<>(List.of("migrate-db", "--to", schema.settings().url(), "--to-user", PostgresSchema.USER));
        args.addAll(List.of(options));
        System.setProperty("user.home", userHome.toString());
        try {
            return cli.run(args.toArray(String[]::new));
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void movesEveryTableWithEqualCountsAndChecksumsAndTheServerDatabaseWorks() throws Exception {
        schema = PostgresSchema.empty("migrate");
        assertEquals(0, cli.run("demo", "--size", "40").code());
        Path handMade = Files.writeString(dir.resolve("hand.csv"), "name,industry\n宁波北仑港口物流有限公司,物流\nÅngström Præcision GmbH,\n",
                StandardCharsets.UTF_8);
        Result imported = cli.run("import", "customers", handMade.toString());
        assertEquals(0, imported.code(), imported.toString());
        try (Connection derby = Database.connect(cli.settings); Statement s = derby.createStatement()) {
            // nanoseconds, which the server cannot keep: the move cuts them to microseconds, and the checksum compares that
            s.executeUpdate("UPDATE SB_CUSTOMER SET NOTES = 'line 1\nline 2 “quoted”', UPDATED_AT = TIMESTAMP('2026-03-04 05:06:07.123456789')"
                    + " WHERE NAME = 'Ångström Præcision GmbH'");
        }
        Map<String, Long> sourceCounts = counts(cli.settings);
        assertTrue(sourceCounts.get("SB_OPPORTUNITY") > 0 && sourceCounts.get("SB_STAGE_TOTAL") > 0 && sourceCounts.get("SB_STAGE_HISTORY") > 0,
                "the demo data has deals, their history and the board totals: " + sourceCounts);
        long sourceMaxId = query(cli.settings, "SELECT MAX(ID) FROM SB_CUSTOMER");

        Result wrong = migrate("wrong-password");
        assertEquals(3, wrong.code(), wrong.toString());
        assertTrue(wrong.err().contains(PostgresSchema.USER) && wrong.err().contains("refused"), wrong.toString());

        Result moved = migrate(PASSWORD);
        assertEquals(0, moved.code(), moved.toString());
        System.out.print(moved.out()); // the per-table comparison, in the test report
        DatabaseSettings server = schema.settings();
        assertEquals(sourceCounts, counts(server, sourceCounts.keySet()), "every table has as many rows on the server");
        for (String table : sourceCounts.keySet()) {
            assertTrue(moved.out().lines().anyMatch(l -> l.startsWith(table + " ") && l.strip().endsWith(Messages.MigrateDb_equal)
                    && l.contains(" " + sourceCounts.get(table) + " ")), table + " is printed with its count and as equal:\n" + moved.out());
        }
        assertFalse(moved.out().contains(Messages.MigrateDb_notEqual), moved.out());
        assertEquals(checksums(false), checksums(true), "the same rows in every table, read again after the commit");
        Map<String, String> before = checksums(true);
        String changed = "UPDATE SB_CUSTOMER SET UPDATED_AT = UPDATED_AT + INTERVAL '1 microsecond' WHERE NAME = 'Ångström Præcision GmbH'";
        try (Connection pg = Database.connect(server); Statement s = pg.createStatement()) {
            assertEquals(1, s.executeUpdate(changed));
        }
        Map<String, String> after = checksums(true);
        assertFalse(before.get("SB_CUSTOMER").equals(after.get("SB_CUSTOMER")), "a microsecond in one row changes the table's checksum");
        after.remove("SB_CUSTOMER");
        before.remove("SB_CUSTOMER");
        assertEquals(before, after, "and no other table's");
        try (Connection pg = Database.connect(server); Statement s = pg.createStatement()) {
            assertEquals(1, s.executeUpdate(changed.replace("+ INTERVAL", "- INTERVAL")));
        }
        try (Connection pg = Database.connect(server); Statement s = pg.createStatement()) {
            assertEquals(0, query(pg, "SELECT COUNT(*) FROM (SELECT STAGE_ID, CURRENCY, COUNT(*) AS N, SUM(COALESCE(AMOUNT, 0)) AS A FROM SB_OPPORTUNITY"
                    + " WHERE STATE = 'OPEN' AND CURRENCY IS NOT NULL GROUP BY STAGE_ID, CURRENCY) o FULL JOIN SB_STAGE_TOTAL t"
                    + " ON t.STAGE_ID = o.STAGE_ID AND t.CURRENCY = o.CURRENCY WHERE t.OPEN_COUNT IS DISTINCT FROM o.N AND NOT (t.OPEN_COUNT = 0 AND o.N IS NULL)"
                    + " OR t.OPEN_AMOUNT IS DISTINCT FROM o.A AND NOT (t.OPEN_COUNT = 0 AND o.N IS NULL)"), "the board totals agree with the deals");
            assertEquals(0, query(pg, "SELECT COUNT(*) FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = current_schema() AND NOT g.tgisinternal AND g.tgenabled <> 'O'"), "the triggers are on again");
            assertEquals("2026-03-04 05:06:07.123456", queryText(pg, "SELECT CAST(UPDATED_AT AS TEXT) FROM SB_CUSTOMER WHERE NAME = 'Ångström Præcision GmbH'"));
        }

        Path found = dir.resolve("found.csv");
        Result search = CliFixture.run(server, "export", "customers", found.toString(), "--filter", "text=北仑");
        assertEquals(0, search.code(), search.toString());
        String exported = Files.readString(found, StandardCharsets.UTF_8);
        assertTrue(exported.contains("宁波北仑港口物流有限公司") && !exported.contains("Ångström"),
                "the server database's search index is built and finds the customer:\n" + exported);

        Path more = Files.writeString(dir.resolve("more.csv"), "name\n绍兴柯桥轻纺有限公司\n", StandardCharsets.UTF_8);
        Result added = CliFixture.run(server, "import", "customers", more.toString());
        assertEquals(0, added.code(), added.toString());
        long newId = query(server, "SELECT ID FROM SB_CUSTOMER WHERE NAME = '绍兴柯桥轻纺有限公司'");
        assertTrue(newId > sourceMaxId, "a new customer's id " + newId + " comes after every moved one (" + sourceMaxId + ")");
        assertEquals(sourceCounts.get("SB_CUSTOMER") + 1, query(server, "SELECT COUNT(*) FROM SB_CUSTOMER"));

        Result again = migrate(PASSWORD);
        assertEquals(2, again.code(), again.toString());
        assertTrue(again.err().contains("SB_") && again.err().contains("--replace"), "names a table with its rows and the way out: " + again);
        assertEquals(sourceCounts.get("SB_CUSTOMER") + 1, query(server, "SELECT COUNT(*) FROM SB_CUSTOMER"), "nothing was touched");

        Result replaced = migrate(PASSWORD, "--replace");
        assertEquals(0, replaced.code(), replaced.toString());
        assertEquals(sourceCounts, counts(server, sourceCounts.keySet()), "the server database is this one again");
    }

    @Test
    void badTargetsAndSourcesAreNamed() throws Exception {
        schema = PostgresSchema.empty("migrate_bad");
        Result notPostgres = cli.run("migrate-db", "--to", "jdbc:derby:/tmp/elsewhere");
        assertEquals(2, notPostgres.code(), notPostgres.toString());
        assertTrue(notPostgres.err().contains("jdbc:derby:/tmp/elsewhere"), notPostgres.toString());

        Result passwordInUrl = cli.run("migrate-db", "--to", "jdbc:postgresql://localhost/sales?password=secret");
        assertEquals(2, passwordInUrl.code(), passwordInUrl.toString());
        assertFalse(passwordInUrl.err().contains("secret"), "the password is not repeated: " + passwordInUrl);

        Path userHome = Files.createDirectories(dir.resolve("home"));
        Files.writeString(userHome.resolve(".pgpass"), "*:*:*:*:" + PASSWORD + "\n");
        System.setProperty("user.home", userHome.toString());
        Result unreachable = cli.run("migrate-db", "--to", "jdbc:postgresql://localhost:1/sales", "--to-user", PostgresSchema.USER);
        assertEquals(3, unreachable.code(), unreachable.toString());
        assertTrue(unreachable.err().contains("localhost:1"), unreachable.toString());

        String noDatabase = PostgresSchema.serverUrl().replaceFirst("/[^/?]+(\\?.*)?$", "/salesbench_no_such_db");
        Result missing = cli.run("migrate-db", "--to", noDatabase, "--to-user", PostgresSchema.USER);
        assertEquals(3, missing.code(), missing.toString());
        assertTrue(missing.err().contains("salesbench_no_such_db") && missing.err().contains("createdb"), missing.toString());

        Result fromServer = CliFixture.run(schema.settings(), "migrate-db", "--to", schema.settings().url());
        assertEquals(2, fromServer.code(), fromServer.toString());
        assertTrue(fromServer.err().contains(schema.settings().displayName()), "names the database that is not embedded: " + fromServer);
        System.setProperty("user.home", home);
    }

    /** Rows of every table of the current schema but the migration's own, by upper-case name. */
    private static Map<String, Long> counts(DatabaseSettings settings) throws SQLException {
        return counts(settings, null);
    }

    /** The rows of the tables named in {@code only} (or of all). */
    private static Map<String, Long> counts(DatabaseSettings settings, java.util.Set<String> only) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = Database.connect(settings)) {
            for (String table : tableNames(c)) {
                if (only != null && !only.contains(table.toUpperCase())) {
                    continue;
                }
                counts.put(table.toUpperCase(), query(c, "SELECT COUNT(*) FROM \"" + table + "\""));
            }
        }
        return counts;
    }

    private static List<String> tableNames(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                // the migrations' own bookkeeping: each database keeps its own
                if (!name.toUpperCase().startsWith("DATABASECHANGELOG") && !name.equalsIgnoreCase("SB_SCHEMA_FINGERPRINT")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The checksum of every table, as the command computes it, read over connections of their own after the commit. */
    private Map<String, String> checksums(boolean ofServer) throws SQLException {
        try (Connection derby = Database.connect(cli.settings); Connection pg = Database.connect(schema.settings())) {
            pg.setAutoCommit(false); // PostgreSQL streams a result only inside a transaction
            try {
                return TableChecksums.of(derby, pg, ofServer);
            } finally {
                pg.rollback();
            }
        }
    }

    private static long query(DatabaseSettings settings, String sql) throws SQLException {
        try (Connection c = Database.connect(settings)) {
            return query(c, sql);
        }
    }

    private static long query(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    private static String queryText(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
