package org.salesbench.audit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.time.Clocks;
import org.salesbench.audit.AuditEntry;
import org.salesbench.audit.AuditKind;
import org.salesbench.audit.AuditQuery;
import org.salesbench.audit.internal.AuditTrailImpl;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.ClientName;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/** On embedded Derby the persistence unit records the changes made through the services, in their transaction. */
class DerbyAuditTrailTest {

    private final LocalSecurityService alice = new LocalSecurityService("alice");
    private Database db;
    private AuditTrailImpl audit;
    private CustomerServiceImpl customers;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.inMemory("audit-" + UUID.randomUUID()), alice);
        audit = new AuditTrailImpl(db, alice);
        customers = new CustomerServiceImpl(db, alice, (entity, change, id) -> { });
    }

    @AfterEach
    void close() {
        audit.dispose();
        customers.search().close();
        db.close();
    }

    static Customer customer(String name) {
        Customer c = new Customer(name);
        c.setStatus(CustomerStatus.PROSPECT);
        return c;
    }

    @Test
    void aCreationAndEachChangedFieldAreRecordedWithWhoWhenAndTheClient() {
        Instant before = Instant.now(Clocks.system()).minusSeconds(1); // the services' clock (CI runs it a year ahead)
        long id = customers.create(customer("Acme")).getId();
        Customer loaded = customers.find(id).orElseThrow();
        loaded.setIndustry("Software");
        loaded.setName("Acme Ltd");
        customers.update(loaded);

        List<AuditEntry> history = audit.history(Customer.ENTITY, id);
        assertEquals(3, history.size(), history.toString());
        AuditEntry created = history.get(history.size() - 1);
        assertEquals(AuditKind.CREATED, created.kind());
        assertEquals("alice", created.user());
        AuditEntry industry = only(history, "industry");
        assertEquals(AuditKind.CHANGED, industry.kind());
        assertNull(industry.oldValue());
        assertEquals("Software", industry.newValue());
        AuditEntry name = only(history, "name");
        assertEquals("Acme", name.oldValue());
        assertEquals("Acme Ltd", name.newValue());
        for (AuditEntry e : history) {
            assertEquals("alice", e.user());
            assertEquals(ClientName.current(), e.client());
            assertTrue(!e.at().isBefore(before) && !e.at().isAfter(Instant.now(Clocks.system())), e.toString());
            assertTrue(e.field() == null || !List.of("version", "updated_at", "updated_by", "normalized_name").contains(e.field()),
                    "bookkeeping and derived columns are not history: " + e);
        }
    }

    @Test
    void aDeletionTheServiceSendsAsSqlIsRecordedWithTheRowItRemoved() {
        Customer acme = customer("Acme");
        acme.setIndustry("Software");
        long id = customers.create(acme).getId();
        long other = customers.create(customer("Other")).getId();
        customers.delete(id); // to the recycle bin: DELETED_AT and DELETED_BY
        assertTrue(audit.history(Customer.ENTITY, id).stream().anyMatch(e -> e.kind() == AuditKind.DELETED && "alice".equals(e.user())));
        // the purge: the row goes, and the trail keeps it
        db.write(em -> em.createNativeQuery("DELETE FROM SB_CUSTOMER WHERE ID = ?").setParameter(1, id).executeUpdate());

        List<AuditEntry> history = audit.history(Customer.ENTITY, id);
        assertEquals(AuditKind.DELETED, history.get(0).kind(), history.toString());
        AuditEntry deleted = history.get(0);
        assertEquals("alice", deleted.user());
        assertTrue(deleted.oldValue().contains("\"name\": \"Acme\"") && deleted.oldValue().contains("\"industry\": \"Software\""),
                deleted.oldValue());
        assertEquals(List.of(AuditKind.CREATED), audit.history(Customer.ENTITY, other).stream().map(AuditEntry::kind).toList(),
                "the other customer stays untouched");
    }

    @Test
    void aSoftDeletionSentAsSqlIsADeletionAndClearingItARestoration() throws Exception {
        long id = customers.create(customer("Acme")).getId();
        db.write(em -> em.createNativeQuery("UPDATE SB_CUSTOMER SET DELETED_AT = CURRENT_TIMESTAMP WHERE ID = ?").setParameter(1, id)
                .executeUpdate());
        db.write(em -> em.createNativeQuery("UPDATE SB_CUSTOMER SET DELETED_AT = NULL WHERE ID = ?").setParameter(1, id).executeUpdate());
        // a derived column recomputed by SQL is no history
        db.write(em -> em.createNativeQuery("UPDATE SB_CUSTOMER SET NORMALIZED_NAME = 'acme' WHERE ID = ?").setParameter(1, id).executeUpdate());

        List<AuditEntry> history = audit.history(Customer.ENTITY, id);
        assertEquals(List.of(AuditKind.RESTORED, AuditKind.DELETED, AuditKind.CREATED), history.stream().map(AuditEntry::kind).toList(),
                history.toString());
        assertEquals("deleted_at", history.get(0).field());
        assertNull(history.get(0).newValue());
        assertEquals(history.get(1).newValue(), history.get(0).oldValue());
    }

    @Test
    void aWriteThatFailsLeavesNoHistory() {
        long id = customers.create(customer("Acme")).getId();
        Customer first = customers.find(id).orElseThrow();
        Customer stale = customers.find(id).orElseThrow();
        first.setIndustry("Software");
        customers.update(first);
        stale.setRegion("Shanghai");
        assertThrows(ConcurrentChangeException.class, () -> customers.update(stale));

        List<AuditEntry> history = audit.history(Customer.ENTITY, id);
        assertEquals(List.of("industry"), history.stream().filter(e -> e.kind() == AuditKind.CHANGED).map(AuditEntry::field).toList(),
                "the refused change was rolled back with its history");
    }

    @Test
    void eventsThatAreNoRowChangeAreRecordedAndTheSearchFiltersByUserEntityPeriodAndField() {
        long id = customers.create(customer("Acme")).getId();
        audit.record("customers", null, AuditKind.EXPORTED, "target=customers; rows=1; filter=grade=A");

        List<AuditEntry> exports = audit.search(AuditQuery.all().withUser("alice").withEntity("customers"));
        assertEquals(1, exports.size(), exports.toString());
        assertEquals(AuditKind.EXPORTED, exports.get(0).kind());
        assertEquals("target=customers; rows=1; filter=grade=A", exports.get(0).details());
        assertNull(exports.get(0).recordId());

        assertEquals(2, audit.search(AuditQuery.all().withUser("alice")).size());
        assertEquals(0, audit.search(AuditQuery.all().withUser("bob")).size());
        Instant now = Instant.now(Clocks.system());
        // the services' clock may run ahead of the real one (CI moves it a year): the window holds both
        Instant real = Instant.now();
        Instant earliest = real.isBefore(now) ? real : now;
        assertEquals(2, audit.search(AuditQuery.all().withPeriod(earliest.minus(1, ChronoUnit.HOURS), now.plusSeconds(1))).size());
        assertEquals(0, audit.search(AuditQuery.all().withPeriod(now.plusSeconds(60), null)).size());
        assertEquals(1, audit.search(AuditQuery.of(Customer.ENTITY, id)).size());
        assertEquals(0, audit.search(AuditQuery.of(Customer.ENTITY, id).withField("industry")).size());
        assertEquals(1, audit.search(AuditQuery.all().withPage(1, 5)).size(), "paged: the second of two");
    }

    /**
     * An event recorded while nothing has deployed the persistence unit (a command line's export after a crash) is written on a
     * connection of its own, without deploying JPA for one row, and reads back as any other: who, which client, the details.
     */
    @Test
    void anEventRecordedBeforeAnythingNeededJpaIsWrittenWithoutDeployingIt() {
        // a database of its own with the trail alone: nothing else there to deploy the unit
        try (Database fresh = Database.open(DatabaseSettings.inMemory("audit-fresh-" + UUID.randomUUID()), alice)) {
            AuditTrailImpl trail = new AuditTrailImpl(fresh, alice);
            try {
                assertFalse(fresh.isUnitDeployed(), "opening the database deployed its unit");
                trail.record("customers", null, AuditKind.EXPORTED, "target=customers; file=grade-a.csv");
                assertFalse(fresh.isUnitDeployed(), "one audit event deployed the persistence unit");

                List<AuditEntry> exports = trail.search(AuditQuery.all().withEntity("customers"));
                assertEquals(1, exports.size(), exports.toString());
                assertEquals(AuditKind.EXPORTED, exports.get(0).kind());
                assertEquals("alice", exports.get(0).user());
                assertEquals(ClientName.current(), exports.get(0).client());
                assertEquals("target=customers; file=grade-a.csv", exports.get(0).details());
                // once the unit is deployed (the search above), events go through it, in the caller's transaction if any
                assertTrue(fresh.isUnitDeployed());
                trail.record("customers", null, AuditKind.EXPORTED, "second");
                assertEquals(2, trail.search(AuditQuery.all().withEntity("customers")).size());
            } finally {
                trail.dispose();
            }
        }
    }

    static AuditEntry only(List<AuditEntry> history, String field) {
        List<AuditEntry> matching = history.stream().filter(e -> field.equals(e.field())).toList();
        assertEquals(1, matching.size(), field + " in " + history);
        return matching.get(0);
    }
}
