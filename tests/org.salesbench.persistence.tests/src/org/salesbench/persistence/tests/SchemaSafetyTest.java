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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseSettings;
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

    private void shutDown() {
        try {
            Database.connect(new DatabaseSettings("jdbc:derby:" + dir.resolve("db") + ";shutdown=true", null, null)).close();
        } catch (java.sql.SQLException expected) {
            // 08006: shut down
        }
    }
}
