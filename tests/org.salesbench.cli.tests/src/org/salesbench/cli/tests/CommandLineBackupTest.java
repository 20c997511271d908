package org.salesbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.ComponentFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.salesbench.cli.tests.CliFixture.Result;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.NewerSchema;

/**
 * {@code backup} while another Salesbench holds the embedded database, and {@code restore}'s checks: a backup of a newer
 * schema is refused, the database as it was is kept as a safety copy, and an older command line refuses a newer database.
 */
class CommandLineBackupTest {

    @TempDir
    Path dir;
    private CliFixture cli;

    @BeforeEach
    void setUp() {
        cli = new CliFixture(dir);
    }

    /** Starts the database as the workbench does: a component that holds it and answers other processes' backup requests. */
    private Database startAsTheWorkbenchDoes() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(CliFixture.class).getBundleContext();
        ServiceTracker<ComponentFactory<Database>, ComponentFactory<Database>> factories = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + ComponentFactory.class.getName() + ")" + Database.FACTORY_FILTER + ")"), null);
        factories.open();
        try {
            ComponentFactory<Database> factory = factories.waitForService(TimeUnit.SECONDS.toMillis(20));
            return Database.start(factory, cli.settings);
        } finally {
            factories.close();
        }
    }

    @Test
    void backupWhileTheWorkbenchHoldsAndWritesTheDatabaseIsTakenByTheWorkbench() throws Exception {
        Path backups = dir.resolve("backups");
        try (Database workbench = startAsTheWorkbenchDoes();
                Connection c = Database.connect(workbench.settings()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE PROBE (N INT)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO PROBE VALUES (?)")) {
                for (int i = 0; i < 500; i++) {
                    insert.setInt(1, i);
                    insert.executeUpdate();
                }
            }
            c.setAutoCommit(false);
            s.execute("INSERT INTO PROBE VALUES (-1)"); // not committed while the backup runs: not in it

            Result backup = cli.run("backup", backups.toString());
            assertEquals(0, backup.code(), backup.toString());
            assertTrue(backup.out().contains("taken by the Salesbench that has it open"), backup.toString());
            c.rollback();
        }
        assertTrue(Files.isRegularFile(backups.resolve("db").resolve("service.properties")));
        CliFixture elsewhere = new CliFixture(dir.resolve("restored"));
        Result restored = elsewhere.run("restore", backups.toString());
        assertEquals(0, restored.code(), restored.toString());
        assertEquals(500, elsewhere.query("SELECT COUNT(*) FROM PROBE"));
        assertEquals(0, elsewhere.query("SELECT COUNT(*) FROM PROBE WHERE N < 0"));
    }

    @Test
    void restoreKeepsTheDatabaseAsItWasAndSaysWhere() throws Exception {
        Path file = Files.writeString(dir.resolve("c.csv"), "Name\nOne Ltd\nTwo Ltd\nThree Ltd\n");
        assertEquals(0, cli.run("import", "customers", file.toString()).code());
        Path backups = dir.resolve("backups");
        assertEquals(0, cli.run("backup", backups.toString()).code());
        Path more = Files.writeString(dir.resolve("more.csv"), "Name\nFour Ltd\nFive Ltd\n");
        assertEquals(0, cli.run("import", "customers", more.toString()).code());

        Result restored = cli.run("restore", backups.toString(), "--force");
        assertEquals(0, restored.code(), restored.toString());
        assertEquals(3, cli.customers());
        String kept = restored.out().lines().filter(l -> l.contains("is kept in")).findFirst().orElseThrow(() -> new AssertionError(restored));
        Path safetyCopy = Path.of(kept.substring(kept.indexOf(" in ") + 4, kept.indexOf(" (")));
        assertTrue(Files.isRegularFile(safetyCopy.resolve("service.properties")), restored.toString());

        Result undone = cli.run("restore", safetyCopy.toString(), "--force");
        assertEquals(0, undone.code(), undone.toString());
        assertEquals(5, cli.customers(), "the safety copy holds the five customers the restore replaced");
    }

    @Test
    void aBackupOfANewerSchemaIsRefusedNamingBothVersionsAndNothingChanges() throws Exception {
        Path file = Files.writeString(dir.resolve("c.csv"), "Name\nOne Ltd\n");
        assertEquals(0, cli.run("import", "customers", file.toString()).code());
        Path backups = dir.resolve("backups");
        assertEquals(0, cli.run("backup", backups.toString()).code());
        // the backup as a newer Salesbench would have made it
        DatabaseSettings backup = new DatabaseSettings("jdbc:derby:" + backups.resolve("db"), null, null);
        try (Connection c = Database.connect(backup)) {
            NewerSchema.addChangeSetOfANewerSalesbench(c);
        }
        try {
            Database.connect(new DatabaseSettings("jdbc:derby:" + backups.resolve("db") + ";shutdown=true", null, null)).close();
        } catch (java.sql.SQLException expected) {
            // shut down
        }
        Path more = Files.writeString(dir.resolve("more.csv"), "Name\nTwo Ltd\n");
        assertEquals(0, cli.run("import", "customers", more.toString()).code());

        Result refused = cli.run("restore", backups.toString(), "--force");
        assertEquals(3, refused.code(), refused.toString());
        // both versions are named (each counts only the change sets of the changelogs installed in this runtime)
        assertTrue(refused.err().matches("(?s).*has schema version \\d+.*knows schema version \\d+.*"), refused.toString());
        assertTrue(refused.err().contains(NewerSchema.ID) && refused.err().contains("newer Salesbench"), refused.toString());
        assertEquals(2, cli.customers(), "the database is as it was");
    }

    @Test
    void anOlderCommandLineRefusesADatabaseANewerSalesbenchChanged() throws Exception {
        assertEquals(0, cli.run("recycle-bin", "list").code());
        try (Connection c = Database.connect(cli.settings)) {
            NewerSchema.addChangeSetOfANewerSalesbench(c);
        }
        Result refused = cli.run("recycle-bin", "list");
        assertEquals(3, refused.code(), refused.toString());
        assertTrue(refused.err().contains("newer Salesbench") && refused.err().contains(NewerSchema.ID), refused.toString());
    }
}
