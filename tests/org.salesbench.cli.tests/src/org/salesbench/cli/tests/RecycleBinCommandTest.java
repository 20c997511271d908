package org.salesbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.tests.CliFixture.Result;
import org.salesbench.persistence.Database;

/** {@code recycle-bin list|restore|purge} on the modules' real services over an embedded Derby database. */
class RecycleBinCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsRestoresAndPurgesADeletedCustomer() throws Exception {
        CliFixture cli = new CliFixture(dir);
        Path file = Files.writeString(dir.resolve("c.csv"), "Name,Status,Grade\nAlpha Ltd,active,A\nBeta Ltd,prospect,B\n");
        assertEquals(0, cli.run("import", "customers", file.toString()).code());
        long alpha = cli.query("SELECT ID FROM SB_CUSTOMER WHERE NAME = 'Alpha Ltd'");
        Result empty = cli.run("recycle-bin", "list");
        assertEquals(0, empty.code(), empty.toString());
        assertEquals(1, empty.out().strip().lines().count(), "the header only: " + empty);

        // deleted as the service does it (the CLI has no delete command): marked, with who and when
        try (Connection c = Database.connect(cli.settings); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE SB_CUSTOMER SET DELETED_AT = CURRENT_TIMESTAMP, DELETED_BY = 'li.wei', UPDATED_AT = CURRENT_TIMESTAMP, VERSION = VERSION + 1 WHERE ID = " + alpha);
        }
        Path exported = dir.resolve("out.csv");
        assertEquals(0, cli.run("export", "customers", exported.toString()).code());
        String csv = Files.readString(exported);
        assertTrue(csv.contains("Beta Ltd") && !csv.contains("Alpha Ltd"), "a deleted customer is not exported: " + csv);

        Result list = cli.run("recycle-bin", "list", "--kind", "customer");
        assertEquals(0, list.code(), list.toString());
        String row = list.out().strip().lines().skip(1).findFirst().orElseThrow();
        assertTrue(row.startsWith("customer\t" + alpha + "\tAlpha Ltd\t"), row);
        assertTrue(row.contains("\tli.wei\t"), row);
        assertTrue(list.err().contains("1"), list.toString());

        Result restored = cli.run("recycle-bin", "restore", "customer", Long.toString(alpha));
        assertEquals(0, restored.code(), restored.toString());
        assertEquals(0, cli.query("SELECT COUNT(*) FROM SB_CUSTOMER WHERE DELETED_AT IS NOT NULL"));

        Result live = cli.run("recycle-bin", "purge", "customer", Long.toString(alpha));
        assertEquals(3, live.code(), "a record outside the bin is not purged: " + live);
        assertTrue(live.err().contains(Long.toString(alpha)), live.toString());
        assertEquals(2, cli.customers());

        try (Connection c = Database.connect(cli.settings); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE SB_CUSTOMER SET DELETED_AT = CURRENT_TIMESTAMP, DELETED_BY = 'li.wei', UPDATED_AT = CURRENT_TIMESTAMP, VERSION = VERSION + 1 WHERE ID = " + alpha);
        }
        Result purged = cli.run("recycle-bin", "purge", "customer", Long.toString(alpha));
        assertEquals(0, purged.code(), purged.toString());
        assertEquals(1, cli.customers());
        assertEquals(0, cli.query("SELECT COUNT(*) FROM SB_CUSTOMER WHERE ID = " + alpha));
    }

    /**
     * The time to restore is the team setting the running product's recycle bin reads from the database: set with the
     * {@code settings} command, it decides what {@code recycle-bin purge-expired} purges and what it leaves.
     */
    @Test
    void purgeExpiredPurgesWhatIsOlderThanTheTeamsSetting() throws Exception {
        CliFixture cli = new CliFixture(dir);
        Path file = Files.writeString(dir.resolve("c.csv"), "Name,Status,Grade\nAlpha Ltd,active,A\nBeta Ltd,prospect,B\n");
        assertEquals(0, cli.run("import", "customers", file.toString()).code());
        long alpha = cli.query("SELECT ID FROM SB_CUSTOMER WHERE NAME = 'Alpha Ltd'");
        long beta = cli.query("SELECT ID FROM SB_CUSTOMER WHERE NAME = 'Beta Ltd'");
        // stamped by the services' clock, as a deletion is (CI moves it a year on: the database's own clock would not be)
        java.time.Instant now = org.salesbench.core.time.Clocks.system().instant();
        try (Connection c = Database.connect(cli.settings);
                java.sql.PreparedStatement s = c.prepareStatement("UPDATE SB_CUSTOMER SET DELETED_AT = ?, DELETED_BY = 'li.wei', VERSION = VERSION + 1 WHERE ID = ?")) {
            s.setTimestamp(1, java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(10))));
            s.setLong(2, alpha);
            s.executeUpdate();
            s.setTimestamp(1, java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(3))));
            s.setLong(2, beta);
            s.executeUpdate();
        }
        Result none = cli.run("recycle-bin", "purge-expired");
        assertEquals(0, none.code(), none.toString());
        assertEquals(2, cli.query("SELECT COUNT(*) FROM SB_CUSTOMER"), "nothing is older than the default 30 days: " + none);

        Result set = cli.run("settings", "set", "recycle-bin.retention-days", "7");
        assertEquals(0, set.code(), set.toString());
        Result purged = cli.run("recycle-bin", "purge-expired");
        assertEquals(0, purged.code(), purged.toString());
        assertTrue(purged.out().contains("customer " + alpha) && !purged.out().contains("customer " + beta), purged.toString());
        assertTrue(purged.err().contains("7"), purged.toString());
        assertEquals(0, cli.query("SELECT COUNT(*) FROM SB_CUSTOMER WHERE ID = " + alpha));
        assertEquals(1, cli.query("SELECT COUNT(*) FROM SB_CUSTOMER WHERE ID = " + beta + " AND DELETED_AT IS NOT NULL"), "deleted 3 days ago: still in the bin");

        Result bad = cli.run("settings", "set", "recycle-bin.retention-days", "0");
        assertEquals(3, bad.code(), bad.toString());
        assertTrue(bad.err().contains("recycle-bin.retention-days"), bad.toString());
    }

    @Test
    void badArgumentsAreUsageErrorsNamingWhatIsWrong() {
        CliFixture cli = new CliFixture(dir);
        Result kind = cli.run("recycle-bin", "restore", "planet", "1");
        assertEquals(2, kind.code(), kind.toString());
        assertTrue(kind.err().contains("planet") && kind.err().contains("customer") && kind.err().contains("opportunity"), kind.toString());
        Result id = cli.run("recycle-bin", "purge", "customer", "x'; DROP TABLE SB_CUSTOMER; --");
        assertEquals(2, id.code(), id.toString());
        Result action = cli.run("recycle-bin", "empty");
        assertEquals(2, action.code(), action.toString());
        assertTrue(action.err().contains("empty"), action.toString());
    }
}
