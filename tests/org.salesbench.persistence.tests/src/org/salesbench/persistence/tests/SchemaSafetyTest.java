package org.salesbench.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseSettings;
import org.osgi.framework.FrameworkUtil;
import org.salesbench.persistence.internal.EntityContributions;
import org.salesbench.persistence.internal.EntityContributions.ChangelogDescriptor;
import org.salesbench.persistence.internal.JdbcTables;
import org.salesbench.persistence.internal.SchemaMigrator;
import org.salesbench.persistence.internal.StaleLocks;
import org.salesbench.testing.NewerSchema;

/** A schema left locked by a crash, and a schema a newer Salesbench changed, on a real embedded Derby database. */
class SchemaSafetyTest {

    @TempDir
    Path dir;

    private DatabaseSettings settings() {
        return DatabaseSettings.embedded(dir.resolve("db"));
    }

    private Database open() {
        return Database.open(settings(), new LocalSecurityService("li.wei"));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // Liquibase would wait five minutes for the lock, then fail
    void aLiquibaseLockLeftByACrashedProcessIsReleasedWithAMessage() throws Exception {
        open().close();
        try (Connection c = Database.connect(settings());
                PreparedStatement lock = c.prepareStatement("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKGRANTED = ?, LOCKEDBY = ?")) {
            lock.setTimestamp(1, Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)));
            lock.setString(2, "crashed-host (10.0.0.9)");
            assertEquals(1, lock.executeUpdate());
        }
        shutDown();

        Database db = open();
        try {
            assertTrue(db.notices().stream().anyMatch(n -> n.contains("crashed-host (10.0.0.9)") && n.contains("released")),
                    db.notices().toString());
            db.write(em -> {
                em.persist(new Note("after the crash"));
                return null;
            });
            try (Connection c = Database.connect(settings()); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT LOCKED FROM DATABASECHANGELOGLOCK")) {
                rs.next();
                assertFalse(rs.getBoolean(1), "the lock is free again");
            }
        } finally {
            db.close();
        }
    }

    @Test
    void aLockTakenByThisProcessIsNotTouched() throws Exception {
        open().close();
        try (Connection c = Database.connect(settings());
                PreparedStatement lock = c.prepareStatement("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKGRANTED = ?, LOCKEDBY = ?")) {
            lock.setTimestamp(1, Timestamp.from(Instant.now()));
            lock.setString(2, "a migration of this process");
            lock.executeUpdate();
            assertEquals(java.util.Optional.empty(), StaleLocks.release(c, "test"), "a lock younger than the process may be a live one");
        }
        shutDown();
    }

    @Test
    void aSalesbenchOlderThanTheSchemaRefusesToOpenItNamingBothVersions() throws Exception {
        open().close();
        int version;
        try (Connection c = Database.connect(settings()); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
                rs.next();
                version = rs.getInt(1);
            }
            NewerSchema.addChangeSetOfANewerSalesbench(c);
        }
        shutDown();

        DatabaseException refused = assertThrows(DatabaseException.class, this::open);
        assertEquals(DatabaseException.Reason.NEWER_SCHEMA, refused.getReason());
        assertTrue(refused.getMessage().contains("schema version " + (version + 1)), refused.getMessage());
        assertTrue(refused.getMessage().contains("knows schema version " + version), refused.getMessage());
        assertTrue(refused.getMessage().contains(NewerSchema.ID), refused.getMessage());
    }

    /**
     * A change set that fails rolls the whole migration back: the change sets before it in the same opening leave
     * neither their tables nor their records, so no later start meets a change that ran but was not recorded (Liquibase
     * used to commit each change set before recording it; a kill between the two broke every later start).
     */
    @Test
    void aFailingChangeSetRollsTheWholeMigrationBack() throws Exception {
        open().close();
        try (Connection c = Database.connect(settings())) {
            c.setAutoCommit(false);
            int ran = changeSetsRun(c);
            DatabaseException failed = assertThrows(DatabaseException.class,
                    () -> SchemaMigrator.migration(c, installedAndFailing(), "test", Integer.MAX_VALUE));
            assertTrue(failed.getMessage().contains("SB_TEST_NO_SUCH_TABLE"), failed.getMessage());
            c.rollback();
            assertFalse(JdbcTables.exists(c, "SB_TEST_ATOMIC_A"), "the first change set's table went with the failure");
            assertFalse(JdbcTables.exists(c, "SB_TEST_ATOMIC_B"));
            assertEquals(ran, changeSetsRun(c), "no change set recorded");
            c.rollback(); // the reads' transaction
        }
        shutDown();
        open().close(); // the database still opens
    }

    /** A first start's migration that stops (here: fails) leaves nothing of the schema, as a kill leaves it. */
    @Test
    void aNewDatabaseWhoseMigrationFailsKeepsNothingOfIt() throws Exception {
        try (Connection c = Database.connect(new DatabaseSettings("jdbc:derby:" + dir.resolve("fresh") + ";create=true", null, null))) {
            c.setAutoCommit(false);
            assertThrows(DatabaseException.class, () -> SchemaMigrator.migration(c, installedAndFailing(), "test", Integer.MAX_VALUE));
            c.rollback();
            assertFalse(JdbcTables.exists(c, "DATABASECHANGELOG"), "not even Liquibase's own tables");
            assertFalse(JdbcTables.exists(c, "SB_TEST_ATOMIC_A"));
            c.rollback();
        }
    }

    private List<ChangelogDescriptor> installedAndFailing() {
        List<ChangelogDescriptor> changelogs = new ArrayList<>(EntityContributions.changelogs());
        changelogs.add(new ChangelogDescriptor("db/atomic/fails-third.xml", 100_000, FrameworkUtil.getBundle(getClass())));
        return changelogs;
    }

    private static int changeSetsRun(Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void shutDown() {
        try {
            Database.connect(new DatabaseSettings("jdbc:derby:" + dir.resolve("db") + ";shutdown=true", null, null)).close();
        } catch (java.sql.SQLException expected) {
            // 08006: shut down
        }
    }
}
