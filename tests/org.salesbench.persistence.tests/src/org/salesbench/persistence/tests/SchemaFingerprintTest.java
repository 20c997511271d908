package org.salesbench.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.internal.EntityContributions;
import org.salesbench.persistence.internal.EntityContributions.ChangelogDescriptor;
import org.salesbench.persistence.internal.SchemaFingerprint;
import org.salesbench.persistence.internal.SchemaMigrator;
import org.salesbench.persistence.internal.SchemaMigrator.Migration;

/**
 * An unchanged schema opens without Liquibase's checks, and any change to what decides the schema (a changelog's
 * content, a change set another Salesbench ran) still goes through them, on real embedded Derby databases.
 */
class SchemaFingerprintTest {

    private final String name = "memory:fingerprint-" + UUID.randomUUID();

    @TempDir
    Path dir;

    /** The test's connection, left in a transaction by a read or a refusal: rolled back and closed after the test. */
    private Connection connection;

    @AfterEach
    void drop() throws SQLException {
        if (connection != null) {
            connection.rollback();
            connection.close();
        }
        MemoryDerby.drop(name);
    }

    private Connection connect() throws SQLException {
        connection = MemoryDerby.connect(name);
        connection.setAutoCommit(false);
        return connection;
    }

    /** A database the installed changelogs made, as every test database is: copied from the migrated template. */
    private Connection migrated() throws SQLException {
        Database.open(new DatabaseSettings("jdbc:derby:" + name + ";create=true", null, null), new LocalSecurityService("li.wei"))
                .close();
        return connect();
    }

    private static List<ChangelogDescriptor> installedAnd(String testChangelog) {
        List<ChangelogDescriptor> changelogs = new ArrayList<>(EntityContributions.changelogs());
        changelogs.add(new ChangelogDescriptor(testChangelog, 100_000, FrameworkUtil.getBundle(SchemaFingerprintTest.class)));
        return changelogs;
    }

    private static Migration migrate(Connection c, List<ChangelogDescriptor> changelogs) throws SQLException {
        Migration migration = SchemaMigrator.migration(c, changelogs, "test", Integer.MAX_VALUE);
        c.commit();
        return migration;
    }

    @Test
    void aSecondOpeningOfAnUnchangedSchemaRunsNoChangeSetCheck() throws Exception {
        List<ChangelogDescriptor> installed = EntityContributions.changelogs();
        Connection c = connect();
        Migration first = migrate(c, installed);
        assertTrue(first.checked(), "a new database is migrated by Liquibase");
        Migration second = migrate(c, installed);
        assertFalse(second.checked(), "the schema these changelogs made is not compared again");
        assertEquals(1, count(c, "SELECT COUNT(*) FROM " + SchemaFingerprint.TABLE), "one installation, one fingerprint");

        // what the shortcut saves: Liquibase's look at the same up-to-date schema, without a fingerprint to trust
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM " + SchemaFingerprint.TABLE);
        }
        c.commit();
        Migration checkedAgain = migrate(c, installed);
        assertTrue(checkedAgain.checked());
        assertEquals(1, count(c, "SELECT COUNT(*) FROM " + SchemaFingerprint.TABLE), "recorded again");
        System.out.println("SchemaFingerprintTest: a new database migrated " + first.millis() + " ms; the up-to-date schema checked by"
                + " Liquibase " + checkedAgain.millis() + " ms, by its fingerprint " + second.millis() + " ms");
    }

    @Test
    void aChangedChangelogIsStillAppliedAndAnOlderOneThenRefused() throws Exception {
        Connection c = migrated();
        assertTrue(migrate(c, installedAnd("db/fingerprint/v1.xml")).checked());
        assertFalse(migrate(c, installedAnd("db/fingerprint/v1.xml")).checked());
        assertEquals(0, tables(c, "SB_TEST_FINGERPRINT_B"));

        // the same changelog (its logical path) with one change set more: the new change set runs
        Migration changed = migrate(c, installedAnd("db/fingerprint/v2.xml"));
        assertTrue(changed.checked(), "a changed changelog goes through Liquibase");
        assertEquals(1, tables(c, "SB_TEST_FINGERPRINT_B"), "its new change set ran");
        assertFalse(migrate(c, installedAnd("db/fingerprint/v2.xml")).checked());

        // the older changelog again: its fingerprint was recorded once, but the schema moved on since
        DatabaseException refused = assertThrows(DatabaseException.class, () -> migrate(c, installedAnd("db/fingerprint/v1.xml")));
        assertEquals(DatabaseException.Reason.NEWER_SCHEMA, refused.getReason());
        assertTrue(refused.getMessage().contains("fingerprint-tests-2"), refused.getMessage());
    }

    @Test
    void aChangeSetRunBehindTheFingerprintsBackIsCheckedAgain() throws Exception {
        List<ChangelogDescriptor> installed = EntityContributions.changelogs();
        Connection c = migrated();
        try (Statement s = c.createStatement()) {
            // as if someone (a tool, a restored backup's leftovers) removed a change set's record
            s.executeUpdate("DELETE FROM DATABASECHANGELOG WHERE ID = 'persistence-tests-1'");
            s.executeUpdate("DROP TABLE SB_TEST_NOTE");
        }
        c.commit();
        assertTrue(migrate(c, installed).checked(), "the change log no longer holds what the fingerprint recorded");
        assertEquals(1, tables(c, "SB_TEST_NOTE"), "the missing change set ran again");
        assertFalse(migrate(c, installed).checked());
    }

    @Test
    void aNewBuildOfTheSameReleaseHasTheSameFingerprintAndANewReleaseAnother() {
        List<ChangelogDescriptor> installed = EntityContributions.changelogs();
        String recorded = SchemaFingerprint.of("Apache Derby", installed);
        // the same bundles and bytes, built again: only their versions' qualifiers differ
        assertEquals(recorded, SchemaFingerprint.of("Apache Derby", withVersions(installed, v -> new Version(v.getMajor(),
                v.getMinor(), v.getMicro(), "209912312359"))), "a rebuild does not make the next start run Liquibase");
        assertNotEquals(recorded, SchemaFingerprint.of("Apache Derby", withVersions(installed, v -> new Version(v.getMajor(),
                v.getMinor(), v.getMicro() + 1, v.getQualifier()))), "a new release is compared once");
    }

    /** The changelogs as bundles of other versions would contribute them: the same entries, another version. */
    private static List<ChangelogDescriptor> withVersions(List<ChangelogDescriptor> changelogs, UnaryOperator<Version> version) {
        return changelogs.stream().map(c -> new ChangelogDescriptor(c.path(), c.order(), (Bundle) Proxy.newProxyInstance(
                SchemaFingerprintTest.class.getClassLoader(), new Class<?>[] {Bundle.class}, (proxy, method, args) ->
                        method.getName().equals("getVersion") ? version.apply(c.bundle().getVersion())
                                : method.invoke(c.bundle(), args)))).toList();
    }

    @Test
    void aLockHeldByAMigrationUnderWayIsNotSkippedOver() throws Exception {
        List<ChangelogDescriptor> installed = EntityContributions.changelogs();
        Connection c = migrated();
        try (PreparedStatement lock = c.prepareStatement(
                "UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKGRANTED = CURRENT_TIMESTAMP, LOCKEDBY = 'a live migration'")) {
            lock.executeUpdate();
        }
        assertFalse(SchemaFingerprint.matches(c, SchemaFingerprint.of(c, installed)),
                "while another process migrates, the fingerprint says nothing");
        c.rollback();
        assertTrue(SchemaFingerprint.matches(c, SchemaFingerprint.of(c, installed)));
    }

    @Test
    void databaseOpenTakesTheShortcutOnItsSecondStart() throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("db"));
        Database.open(settings, new LocalSecurityService("li.wei")).close();
        try (Connection c = Database.connect(settings)) {
            assertTrue(SchemaFingerprint.matches(c, SchemaFingerprint.of(c, EntityContributions.changelogs())),
                    "the first opening recorded the schema it migrated");
        }
        Database db = Database.open(settings, new LocalSecurityService("li.wei"));
        try {
            db.write(em -> {
                em.persist(new Note("opened without Liquibase"));
                return null;
            });
        } finally {
            db.close();
        }
    }

    private static int tables(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
