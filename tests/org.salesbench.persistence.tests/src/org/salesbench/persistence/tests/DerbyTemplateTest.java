package org.salesbench.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.internal.SchemaFingerprint;
import org.salesbench.persistence.internal.EntityContributions;

/** The build keeps the migrated template on disk, under its changelogs' fingerprint, for its other test JVMs. */
class DerbyTemplateTest {

    @Test
    void aNewDatabaseIsMadeFromTheTemplateKeptUnderItsChangelogsFingerprint() throws Exception {
        String folder = System.getProperty("salesbench.derby.templates.folder", "");
        assertFalse(folder.isBlank(), "the build sets salesbench.derby.templates.folder for test JVMs");
        try (Database db = Database.open(DatabaseSettings.inMemory("template-" + UUID.randomUUID()), new LocalSecurityService("li.wei"))) {
            String fingerprint = SchemaFingerprint.of("Apache Derby", EntityContributions.changelogs());
            Path kept = Path.of(folder, fingerprint, "salesbench-template");
            assertTrue(Files.isRegularFile(kept.resolve("service.properties")), "a Derby backup is kept at " + kept);
            try (Connection c = Database.connect(db.settings());
                    ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = 'persistence-tests-1'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the new database has the whole schema");
            }
        }
    }

    @Test
    void theFingerprintFollowsTheChangelogsFiles() throws Exception {
        var all = EntityContributions.changelogs();
        assertEquals(SchemaFingerprint.of("Apache Derby", all), SchemaFingerprint.of("Apache Derby", all), "the same files, the same fingerprint");
        assertFalse(SchemaFingerprint.of("Apache Derby", all).equals(SchemaFingerprint.of("Apache Derby", all.subList(0, all.size() - 1))),
                "one changelog fewer, another fingerprint");
    }
}
