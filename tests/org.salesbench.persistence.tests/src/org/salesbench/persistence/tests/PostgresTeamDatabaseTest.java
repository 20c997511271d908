package org.salesbench.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;

/**
 * A team shares one PostgreSQL database: two Salesbench clients (two units) see each other's
 * committed work and cannot overwrite each other's changes. Runs where {@code SALESBENCH_TEST_PG_URL}
 * names a server (CI starts one: .ci/start-postgres.sh); each test uses a schema of its own, dropped afterwards.
 */
@Tag("postgres")
class PostgresTeamDatabaseTest {

    private PostgresSchema schema;
    private DatabaseSettings settings;
    private Database liWei;
    private Database wangFang;

    @BeforeEach
    void open() throws Exception {
        schema = PostgresSchema.create("t");
        settings = schema.settings();
        liWei = Database.open(settings, new LocalSecurityService("li.wei"));
        wangFang = Database.open(settings, new LocalSecurityService("wang.fang"));
    }

    @AfterEach
    void close() {
        if (liWei != null) {
            liWei.close();
            wangFang.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void eachClientSeesTheOthersCommittedWork() {
        Long id = liWei.write(em -> {
            Note u = new Note("队员");
            em.persist(u);
            return u;
        }).getId();
        Note seen = wangFang.read(em -> em.find(Note.class, id));
        assertEquals("队员", seen.getTitle());
        assertEquals("li.wei", seen.getCreatedBy());
        seen.setTitle("队员（已改）");
        wangFang.write(em -> em.merge(seen));
        assertEquals("wang.fang", liWei.read(em -> em.find(Note.class, id)).getUpdatedBy());
    }

    @Test
    void aStaleSaveFromAnotherClientIsRefused() {
        Long id = liWei.write(em -> {
            Note u = new Note("Shared");
            em.persist(u);
            return u;
        }).getId();
        Note mine = liWei.read(em -> em.find(Note.class, id));
        Note theirs = wangFang.read(em -> em.find(Note.class, id));
        theirs.setTitle("theirs");
        wangFang.write(em -> em.merge(theirs));
        mine.setTitle("mine");
        assertThrows(ConcurrentChangeException.class, () -> liWei.write(em -> em.merge(mine)));
        assertEquals("theirs", liWei.read(em -> em.find(Note.class, id)).getTitle());
    }

    @Test
    void aWrongPasswordIsReportedAsSuch() {
        DatabaseException e = assertThrows(DatabaseException.class,
                () -> Database.open(new DatabaseSettings(settings.url(), settings.user(), "wrong"), new LocalSecurityService("x")));
        assertEquals(DatabaseException.Reason.CONNECT, e.getReason());
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }
}
