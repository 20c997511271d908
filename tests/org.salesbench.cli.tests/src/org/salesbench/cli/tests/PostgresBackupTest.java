package org.salesbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.tests.CliFixture.Result;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.NewerSchema;
import org.salesbench.testing.PostgresSchema;

/**
 * {@code backup} and {@code restore} of a PostgreSQL database through pg_dump and pg_restore (only the schema the URL
 * names, as a team's database in a shared server): the dump holds what was committed, a restore keeps the database as it
 * was in a dump beside the backup, and a dump of a newer schema is refused.
 */
@Tag("postgres")
class PostgresBackupTest {

    @TempDir
    Path dir;
    private PostgresSchema schema;
    private DatabaseSettings server;

    @BeforeEach
    void setUp() {
        schema = PostgresSchema.create("backup");
        server = schema.settings();
        Assumptions.assumeTrue(onPath("pg_dump") && onPath("pg_restore"), "the PostgreSQL client tools are not installed");
    }

    @AfterEach
    void tearDown() {
        if (schema != null) {
            schema.closeWithTeamRoles();
        }
    }

    private static boolean onPath(String tool) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return false;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = Database.connect(server); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void dumpsRestoresKeepingASafetyDumpAndRefusesANewerSchema() throws Exception {
        Path file = Files.writeString(dir.resolve("c.csv"), "Name\nOne Ltd\nTwo Ltd\n");
        Result imported = CliFixture.run(server, "import", "customers", file.toString());
        assertEquals(0, imported.code(), imported.toString());
        Path backups = dir.resolve("backups");
        Result backup = CliFixture.run(server, "backup", backups.toString());
        assertEquals(0, backup.code(), backup.toString());
        Path dump;
        try (var files = Files.list(backups)) {
            dump = files.filter(f -> f.toString().endsWith(".dump")).findFirst().orElseThrow(() -> new AssertionError(backup));
        }
        assertTrue(dump.getFileName().toString().contains(schema.name()), dump.toString());

        Path more = Files.writeString(dir.resolve("more.csv"), "Name\nThree Ltd\n");
        assertEquals(0, CliFixture.run(server, "import", "customers", more.toString()).code());
        assertEquals(3, count("SELECT COUNT(*) FROM SB_CUSTOMER"));

        Result unforced = CliFixture.run(server, "restore", backups.toString());
        assertEquals(2, unforced.code(), unforced.toString());
        Result restored = CliFixture.run(server, "restore", backups.toString(), "--force");
        assertEquals(0, restored.code(), restored.toString());
        assertEquals(2, count("SELECT COUNT(*) FROM SB_CUSTOMER"));
        String kept = restored.out().lines().filter(l -> l.contains("is kept in")).findFirst().orElseThrow(() -> new AssertionError(restored));
        Path safety = Path.of(kept.substring(kept.indexOf(" in ") + 4, kept.indexOf(" (")));
        assertTrue(Files.size(safety) > 0, restored.toString());
        Result undone = CliFixture.run(server, "restore", safety.toString(), "--force");
        assertEquals(0, undone.code(), undone.toString());
        assertEquals(3, count("SELECT COUNT(*) FROM SB_CUSTOMER"), "the safety dump holds the database the restore replaced");

        // a dump a newer Salesbench made: its change log has a change set this one does not know
        long version = count("SELECT COUNT(*) FROM DATABASECHANGELOG");
        try (Connection c = Database.connect(server)) {
            NewerSchema.addChangeSetOfANewerSalesbench(c);
        }
        Path newer = dir.resolve("newer");
        assertEquals(0, CliFixture.run(server, "backup", newer.toString()).code());
        try (Connection c = Database.connect(server); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM DATABASECHANGELOG WHERE ID = '" + NewerSchema.ID + "'");
        }
        Result refused = CliFixture.run(server, "restore", newer.toString(), "--force");
        assertEquals(3, refused.code(), refused.toString());
        assertTrue(refused.err().contains("schema version " + (version + 1)) && refused.err().contains("knows schema version " + version),
                refused.toString());
        assertEquals(3, count("SELECT COUNT(*) FROM SB_CUSTOMER"), "nothing changed");
    }
}
