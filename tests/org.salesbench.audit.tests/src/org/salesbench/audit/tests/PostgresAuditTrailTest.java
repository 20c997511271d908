package org.salesbench.audit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.audit.AuditEntry;
import org.salesbench.audit.AuditKind;
import org.salesbench.audit.AuditQuery;
import org.salesbench.audit.internal.AuditTrailImpl;
import org.salesbench.audit.internal.AuditTriggers;
import org.salesbench.audit.internal.AuditedTables;
import org.salesbench.cli.internal.Cli;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.ClientName;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;

/**
 * On PostgreSQL the triggers record every change whoever makes it: through the services, and by a direct SQL session of
 * another database role, which also cannot write or erase history by hand.
 */
@Tag("postgres")
class PostgresAuditTrailTest {

    private final LocalSecurityService alice = new LocalSecurityService("alice");
    private PostgresSchema schema;
    private Database db;
    private AuditTrailImpl audit;
    private CustomerServiceImpl customers;
    private String rep;

    @BeforeEach
    void open() {
        schema = PostgresSchema.create("audit");
        db = Database.open(schema.settings(), alice);
        audit = new AuditTrailImpl(db, alice);
        customers = new CustomerServiceImpl(db, alice, (entity, change, id) -> { });
    }

    @AfterEach
    void close() {
        audit.dispose();
        customers.search().close();
        db.close();
        schema.close();
        if (rep != null) {
            schema.onServer("DROP ROLE " + rep);
        }
    }

    /**
     * A table a module declares under another entity name than its triggers were attached with (the receivables' tables
     * once were all "contract") is attached again at the next migration, and records under the new name from then on.
     */
    @Test
    void aTableDeclaredUnderANewEntityNameIsAttachedAgain() throws SQLException {
        long id = customers.create(DerbyAuditTrailTest.customer("改名前")).getId();
        AuditedTables.Descriptor renamed = new AuditedTables.Descriptor("SB_CUSTOMER", "customer_renamed", java.util.Set.of("normalized_name"));
        db.write(em -> {
            try {
                AuditTriggers.attach(em.unwrap(Connection.class), List.of(renamed));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        Customer loaded = customers.find(id).orElseThrow();
        loaded.setRegion("宁波");
        customers.update(loaded);
        assertEquals("宁波", DerbyAuditTrailTest.only(audit.history("customer_renamed", id), "region").newValue());
        assertEquals(1, audit.history(Customer.ENTITY, id).size(), "only the creation, under the old name");
    }

    @Test
    void aChangeThroughTheServicesIsRecordedOnceAsTheDatabaseUserByTheServer() {
        long id = customers.create(DerbyAuditTrailTest.customer("Acme")).getId();
        Customer loaded = customers.find(id).orElseThrow();
        loaded.setIndustry("Software");
        customers.update(loaded);

        List<AuditEntry> history = audit.history(Customer.ENTITY, id);
        assertEquals(2, history.size(), "the triggers alone write on PostgreSQL: " + history);
        assertEquals(AuditKind.CREATED, history.get(1).kind());
        AuditEntry industry = DerbyAuditTrailTest.only(history, "industry");
        assertEquals("Software", industry.newValue());
        for (AuditEntry e : history) {
            assertEquals(PostgresSchema.USER, e.user(), "the database user, not a login the client chose");
            assertEquals(ClientName.current(), e.client(), "the JDBC ApplicationName");
        }
    }

    @Test
    void aDirectSqlUpdateAndDeleteByAnotherRoleAreRecordedAsThatRoleAndHistoryCannotBeForged() throws SQLException {
        long id = customers.create(DerbyAuditTrailTest.customer("Acme")).getId();
        rep = "sb_audit_rep_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        schema.onServer("CREATE ROLE " + rep + " LOGIN PASSWORD 'rep-secret'");
        schema.onServer("GRANT USAGE ON SCHEMA " + schema.name() + " TO " + rep);
        schema.onServer("GRANT SELECT, UPDATE, DELETE ON " + schema.name() + ".sb_customer TO " + rep);
        // row-level security asks the reader's roles: the rep reads them, and is an administrator who sees every customer
        schema.onServer("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema.name() + " TO " + rep);
        schema.onServer("INSERT INTO " + schema.name() + ".sb_user_role (login, role_id) VALUES ('" + rep + "', -1)");

        String url = schema.settings().url() + "&ApplicationName=psql-by-hand";
        try (Connection sql = Database.connect(new DatabaseSettings(url, rep, "rep-secret"))) {
            sql.setAutoCommit(true);
            try (PreparedStatement update = sql.prepareStatement("UPDATE sb_customer SET industry = 'Mining', region = 'Tibet' WHERE id = ?")) {
                update.setLong(1, id);
                assertEquals(1, update.executeUpdate());
            }
            SQLException forged = assertThrows(SQLException.class, () -> sql.createStatement().executeUpdate(
                    "INSERT INTO sb_audit_event (entity, record_id, kind, user_name, changed_at) VALUES ('customer', 1, 'changed', 'alice', now())"));
            assertEquals("42501", forged.getSQLState(), "no right on the audit table: " + forged.getMessage());
            assertThrows(SQLException.class, () -> sql.createStatement().executeUpdate("DELETE FROM sb_audit_event"));
            try (PreparedStatement delete = sql.prepareStatement("DELETE FROM sb_customer WHERE id = ?")) {
                delete.setLong(1, id);
                assertEquals(1, delete.executeUpdate());
            }
        }

        List<AuditEntry> byRep = audit.search(AuditQuery.of(Customer.ENTITY, id).withUser(rep));
        assertEquals(3, byRep.size(), byRep.toString());
        AuditEntry deleted = byRep.get(0);
        assertEquals(AuditKind.DELETED, deleted.kind());
        assertTrue(deleted.oldValue().contains("\"name\": \"Acme\""), "the deleted row is kept: " + deleted.oldValue());
        AuditEntry industry = DerbyAuditTrailTest.only(byRep, "industry");
        assertEquals("Mining", industry.newValue());
        assertEquals("Tibet", DerbyAuditTrailTest.only(byRep, "region").newValue());
        for (AuditEntry e : byRep) {
            assertEquals("psql-by-hand", e.client());
        }
        assertEquals(PostgresSchema.USER, audit.history(Customer.ENTITY, id).get(byRep.size()).user(), "the creation stays the owner's");
    }

    /**
     * The command line's change is recorded as the database user it signed in as, whatever login a property names: the
     * third of the ways a change is made (the workbench's services and a direct SQL session are above).
     */
    @Test
    void aChangeThroughTheCommandLineIsRecordedAsItsDatabaseUser(@TempDir Path dir) throws Exception {
        long id = customers.create(DerbyAuditTrailTest.customer("Acme")).getId();
        Path file = Files.writeString(dir.resolve("c.csv"), "Name,Industry\nAcme,Mining\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String before = System.getProperty("salesbench.user");
        System.setProperty("salesbench.user", "mallory");
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Cli(schema.settings()).run(new String[] { "import", "customers", file.toString(), "--match", "name", "--on-match", "update" },
                    o, e);
        } finally {
            if (before == null) {
                System.clearProperty("salesbench.user");
            } else {
                System.setProperty("salesbench.user", before);
            }
        }
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        AuditEntry industry = DerbyAuditTrailTest.only(audit.history(Customer.ENTITY, id), "industry");
        assertEquals("Mining", industry.newValue());
        assertEquals(PostgresSchema.USER, industry.user(), "the database user, not the login a property names");
    }

    @Test
    void aSoftDeletionAndItsRestorationAreRecordedAsSuch() throws SQLException {
        long id = customers.create(DerbyAuditTrailTest.customer("Acme")).getId();
        // the recycle bin's column, as its change set will add it
        try (Connection sql = Database.connect(schema.settings())) {
            sql.setAutoCommit(true);
            sql.createStatement().executeUpdate("UPDATE sb_customer SET deleted_at = now() WHERE id = " + id);
            sql.createStatement().executeUpdate("UPDATE sb_customer SET deleted_at = NULL WHERE id = " + id);
        }
        List<AuditEntry> history = audit.history(Customer.ENTITY, id);
        assertEquals(List.of(AuditKind.RESTORED, AuditKind.DELETED, AuditKind.CREATED), history.stream().map(AuditEntry::kind).toList());
        assertEquals("deleted_at", history.get(0).field());
        assertEquals(null, history.get(0).newValue());
        assertEquals(history.get(1).newValue(), history.get(0).oldValue());
    }

    @Test
    void anEventThatIsNoRowChangeIsRecordedAsTheDatabaseUser() {
        audit.record("customers", null, AuditKind.EXPORTED, "target=customers; rows=0");
        List<AuditEntry> exports = audit.search(AuditQuery.all().withEntity("customers"));
        assertEquals(1, exports.size());
        assertEquals(PostgresSchema.USER, exports.get(0).user());
        assertEquals(AuditKind.EXPORTED, exports.get(0).kind());
    }
}
