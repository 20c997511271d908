package org.salesbench.audit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.audit.AuditEntry;
import org.salesbench.audit.AuditKind;
import org.salesbench.audit.internal.AuditTrailImpl;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerMergeImpl;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/** A merge of two customers is in the audit trail: the merge itself on the survivor, each moved contact, the bin. */
class DerbyCustomerMergeAuditTest {

    private final LocalSecurityService alice = new LocalSecurityService("alice");
    private Database db;
    private AuditTrailImpl audit;
    private CustomerServiceImpl customers;
    private CustomerMergeImpl merge;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.inMemory("audit-merge-" + UUID.randomUUID()), alice);
        audit = new AuditTrailImpl(db, alice);
        customers = new CustomerServiceImpl(db, alice, (entity, change, id) -> { });
        merge = new CustomerMergeImpl(db, alice, (entity, change, id) -> { }, customers).auditTrail(audit);
    }

    @AfterEach
    void close() {
        audit.dispose();
        customers.search().close();
        db.close();
    }

    private long customer(String name, String contact) {
        Customer c = new Customer(name);
        c.setStatus(CustomerStatus.PROSPECT);
        c.addContact(new Contact(contact));
        return customers.create(c).getId();
    }

    @Test
    void theMergeEachMoveAndTheBinAreRecorded() {
        long keep = customer("苏州工业园区精密机械有限公司", "周杰");
        long other = customer("苏州精密机械", "吴敏");
        long moved = customers.find(other).orElseThrow().getContacts().get(0).getId();

        merge.merge(keep, other, Set.of(), null, null);

        List<AuditEntry> onKeep = audit.history(Customer.ENTITY, keep);
        AuditEntry merged = onKeep.stream().filter(e -> e.kind() == AuditKind.OTHER).findFirst().orElseThrow(() -> new AssertionError(onKeep));
        assertEquals("alice", merged.user());
        assertTrue(merged.details().contains("Merged customer " + other + " \"苏州精密机械\"") && merged.details().contains("1 contact"),
                merged.details());
        assertTrue(audit.history(Contact.ENTITY, moved).stream().anyMatch(e -> e.kind() == AuditKind.CHANGED),
                audit.history(Contact.ENTITY, moved).toString());
        assertTrue(audit.history(Customer.ENTITY, other).stream().anyMatch(e -> e.kind() == AuditKind.DELETED),
                audit.history(Customer.ENTITY, other).toString());
    }
}
