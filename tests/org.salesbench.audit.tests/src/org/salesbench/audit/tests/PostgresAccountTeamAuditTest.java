package org.salesbench.audit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.audit.AuditEntry;
import org.salesbench.audit.AuditKind;
import org.salesbench.audit.internal.AuditTrailImpl;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.testing.PostgresSchema;
import org.salesbench.users.Share;
import org.salesbench.users.User;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * On PostgreSQL a customer's account-team changes are written by {@code SB_AUDIT_RECORD_CHANGE} as the database user
 * by the server's clock, in the customer's history beside the triggers' entries.
 */
@Tag("postgres")
class PostgresAccountTeamAuditTest {

    private final LocalSecurityService alice = new LocalSecurityService("alice");
    private PostgresSchema schema;
    private Database db;
    private AuditTrailImpl audit;
    private CustomerServiceImpl customers;

    @BeforeEach
    void open() {
        schema = PostgresSchema.create("acctteam");
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
    }

    @Test
    void aMemberAddedAndRemovedIsRecordedAsTheDatabaseUser() {
        UserServiceImpl users = new UserServiceImpl(db, alice).auditTrail(audit);
        users.createUser(new User("li.wei", "李伟"));
        long id = customers.create(DerbyAuditTrailTest.customer("华南贸易")).getId();
        users.share(new Share(Customer.ENTITY, id, "li.wei", true, "实施"));
        users.unshare(Customer.ENTITY, id, "li.wei");

        List<AuditEntry> history = new ArrayList<>(audit.history(Customer.ENTITY, id));
        Collections.reverse(history);
        assertEquals(3, history.size(), history.toString());
        AuditEntry created = history.get(0);
        assertEquals(AuditKind.CREATED, created.kind());
        AuditEntry added = history.get(1);
        AuditEntry removed = history.get(2);
        for (AuditEntry e : List.of(added, removed)) {
            assertEquals(AuditKind.CHANGED, e.kind(), e.toString());
            assertEquals(UserServiceImpl.ACCOUNT_TEAM, e.field(), e.toString());
            assertEquals(created.user(), e.user(), "the database user, as the triggers record it: " + e);
            assertEquals(created.client(), e.client(), e.toString());
        }
        assertNull(added.oldValue());
        assertEquals("li.wei edit 实施", added.newValue());
        assertEquals("li.wei edit 实施", removed.oldValue());
        assertNull(removed.newValue());
    }
}
