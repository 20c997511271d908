package org.salesbench.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseSettings;
import org.osgi.framework.FrameworkUtil;
import org.salesbench.persistence.internal.EntityContributions;
import org.salesbench.persistence.internal.EntityContributions.ChangelogDescriptor;
import org.salesbench.persistence.internal.JdbcTables;
import org.salesbench.persistence.internal.SchemaMigrator;
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

    /**
     * On the team server too a migration is one transaction: a change set that fails takes the ones before it in the
     * same opening with it (PostgreSQL rolls DDL back), and the failure is named, not hidden by what Liquibase tries after it.
     */
    @Test
    void aFailingChangeSetRollsTheWholeMigrationBack() throws Exception {
        List<ChangelogDescriptor> changelogs = new ArrayList<>(EntityContributions.changelogs());
        changelogs.add(new ChangelogDescriptor("db/atomic/fails-third.xml", 100_000, FrameworkUtil.getBundle(getClass())));
        try (Connection c = Database.connect(settings)) {
            c.setAutoCommit(false);
            DatabaseException failed = assertThrows(DatabaseException.class,
                    () -> SchemaMigrator.migration(c, changelogs, "team", Integer.MAX_VALUE));
            assertTrue(failed.getMessage().contains("sb_test_no_such_table") || failed.getMessage().contains("SB_TEST_NO_SUCH_TABLE"),
                    failed.getMessage());
            assertFalse(JdbcTables.exists(c, "SB_TEST_ATOMIC_A"), "the first change set's table went with the failure");
            assertFalse(JdbcTables.exists(c, "SB_TEST_ATOMIC_B"));
            c.rollback();
        }
    }
}
