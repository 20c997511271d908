package org.salesbench.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseSettings;

class DatabaseTest {

    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.inMemory("persistence-" + UUID.randomUUID()), new LocalSecurityService("li.wei"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void migrationsCreateTheSchemaAndRecordTheirChangeSets() throws Exception {
        try (Connection c = Database.connect(db.settings());
                ResultSet rs = c.createStatement().executeQuery("SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            assertEquals("persistence-1", ids.get(0), "the id generator table comes first");
            assertTrue(ids.contains("persistence-tests-1"), ids.toString());
        }
    }

    @Test
    void writeStampsAuditColumnsAndOwner() {
        Long id = db.write(em -> {
            Note u = new Note("张三");
            em.persist(u);
            return u;
        }).getId();
        Note read = db.read(em -> em.find(Note.class, id));
        assertEquals("张三", read.getTitle());
        assertEquals("li.wei", read.getCreatedBy());
        assertEquals("li.wei", read.getOwner());
        assertNotNull(read.getCreatedAt());
        assertEquals(1L, read.getVersion());
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        assertThrows(IllegalStateException.class, () -> db.write(em -> {
            em.persist(new Note("Half Done"));
            em.flush();
            throw new IllegalStateException("fails after the insert");
        }));
        long count = db.read(em -> em.createQuery("SELECT COUNT(u) FROM Note u WHERE u.title = 'Half Done'", Long.class)
                .getSingleResult());
        assertEquals(0, count);
    }

    @Test
    void aConstraintViolationIsADatabaseException() {
        db.write(em -> {
            em.persist(new Note("dup"));
            return null;
        });
        DatabaseException e = assertThrows(DatabaseException.class, () -> db.write(em -> {
            em.persist(new Note("dup"));
            return null;
        }));
        assertEquals(DatabaseException.Reason.STATEMENT, e.getReason());
    }

    @Test
    void theSecondOfTwoConcurrentSavesIsRefused() {
        Long id = db.write(em -> {
            Note u = new Note("王五");
            em.persist(u);
            return u;
        }).getId();
        Note mine = db.read(em -> em.find(Note.class, id));
        Note theirs = db.read(em -> em.find(Note.class, id));
        theirs.setTitle("王五 (theirs)");
        db.write(em -> em.merge(theirs));
        mine.setTitle("王五 (mine)");
        assertThrows(ConcurrentChangeException.class, () -> db.write(em -> em.merge(mine)));
        assertEquals("王五 (theirs)", db.read(em -> em.find(Note.class, id)).getTitle());
    }

    @Test
    void afterCommitRunsOnlyOnCommit() {
        List<String> ran = new ArrayList<>();
        db.write(em -> {
            db.afterCommit(() -> ran.add("committed"));
            return null;
        });
        assertThrows(IllegalStateException.class, () -> db.write(em -> {
            db.afterCommit(() -> ran.add("rolled back"));
            throw new IllegalStateException();
        }));
        assertEquals(List.of("committed"), ran);
    }

    @Test
    void aFileDatabaseSurvivesReopening(@TempDir Path dir) {
        DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("db"));
        try (Database first = Database.open(settings, new LocalSecurityService("admin"))) {
            first.write(em -> {
                em.persist(new Note("Kept"));
                return null;
            });
        }
        try (Database again = Database.open(settings, new LocalSecurityService("admin"))) {
            assertEquals(1L, again.read(em -> em.createQuery("SELECT COUNT(u) FROM Note u", Long.class).getSingleResult()));
        }
    }

    @Test
    void aBadUrlIsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DatabaseSettings("jdbc:mysql://x/y", null, null));
        assertTrue(e.getMessage().contains("jdbc:derby:"), e.getMessage());
    }

    @Test
    void aPasswordGivenAsASystemPropertyIsIgnored() {
        // a -D argument shows in ps: only the environment (the launcher's SALESBENCH_DB_PASSWORD) may carry the password
        String url = System.getProperty(DatabaseSettings.URL_PROPERTY);
        String password = System.getProperty("salesbench.db.password");
        System.setProperty(DatabaseSettings.URL_PROPERTY, "jdbc:postgresql://localhost:5432/team");
        System.setProperty("salesbench.db.password", "secret-in-ps");
        try {
            DatabaseSettings settings = DatabaseSettings.fromSystemProperties();
            assertEquals("jdbc:postgresql://localhost:5432/team", settings.url());
            assertNotEquals("secret-in-ps", settings.password());
            assertEquals(System.getenv(DatabaseSettings.PASSWORD_VARIABLE), settings.password());
        } finally {
            restore(DatabaseSettings.URL_PROPERTY, url);
            restore("salesbench.db.password", password);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
