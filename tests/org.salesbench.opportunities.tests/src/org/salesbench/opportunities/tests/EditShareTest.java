package org.salesbench.opportunities.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.SecurityMessages;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * An edit share lets its holder change a record on the service path, as the database's update policy lets it on a
 * team server: alice's customer and deal, changed by bob (a rep whose roles reach only his own records) with an edit
 * share; a read share is refused with a message that says so; a share never lets him give the record away nor delete
 * it; after the share ends he is refused again, and nothing refused is written. Here on Derby, with a security seam whose
 * roles reach one's own records and whose shares are the test's; {@link PostgresEditShareTest} runs the same on a team
 * server with real logins, roles and shares.
 */
class EditShareTest {

    /** The people's sessions: each signed in as themselves, with the module's real services. */
    interface Session {
        CustomerServiceImpl customers();

        OpportunityServiceImpl opportunities();

        PipelineServiceImpl pipelines();
    }

    /** A rep's roles on Derby: their own records only, plus what the test shares with them. */
    private static final class OwnRecords implements SecurityService {
        private final String login;
        private final Map<String, Boolean> shares;

        OwnRecords(String login, Map<String, Boolean> shares) {
            this.login = login;
            this.shares = shares;
        }

        @Override
        public CurrentUser currentUser() {
            return new CurrentUser(login, login);
        }

        @Override
        public boolean isPermitted(Action action, String entity, String owner) {
            return action != Action.APPROVE && (owner == null || owner.equals(login));
        }

        @Override
        public boolean isSharedWith(String entity, long id, boolean edit) {
            Boolean share = shares.get(login + "/" + entity + "/" + id);
            return share != null && (share || !edit);
        }
    }

    private final Map<String, Boolean> shares = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private Database db;

    /** The session of {@code login} (alice owns the records, bob is given shares). */
    Session as(String login) {
        if (db == null) {
            db = Database.open(DatabaseSettings.inMemory("edit-share-" + UUID.randomUUID()), new OwnRecords("alice", shares));
        }
        return sessions.computeIfAbsent(login, l -> {
            OwnRecords security = new OwnRecords(l, shares);
            return session(new CustomerServiceImpl(db, security, (e, c, i) -> { }), new OpportunityServiceImpl(db, security, (e, c, i) -> { }),
                    new PipelineServiceImpl(db, security, (e, c, i) -> { }));
        });
    }

    /** alice shares her record with {@code grantee}. */
    void share(String entity, long id, String grantee, boolean edit) {
        shares.put(grantee + "/" + entity + "/" + id, edit);
    }

    void unshare(String entity, long id, String grantee) {
        shares.remove(grantee + "/" + entity + "/" + id);
    }

    static Session session(CustomerServiceImpl customers, OpportunityServiceImpl opportunities, PipelineServiceImpl pipelines) {
        return new Session() {
            @Override
            public CustomerServiceImpl customers() {
                return customers;
            }

            @Override
            public OpportunityServiceImpl opportunities() {
                return opportunities;
            }

            @Override
            public PipelineServiceImpl pipelines() {
                return pipelines;
            }
        };
    }

    @AfterEach
    void close() {
        sessions.values().forEach(s -> s.customers().search().close());
        if (db != null) {
            db.close();
        }
    }

    @Test
    void anEditShareLetsItsHolderChangeTheRecordAndNothingElseDoes() {
        Session alice = as("alice");
        Customer customer = new Customer("华东精密机械");
        customer.setStatus(CustomerStatus.ACTIVE);
        long c = alice.customers().create(customer).getId();
        Opportunity deal = new Opportunity(alice.customers().find(c).orElseThrow(), "数控机床改造", Money.cny("250000"));
        deal.setPipeline(alice.pipelines().pipelines(true).get(0));
        deal.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusMonths(2));
        long o = alice.opportunities().create(deal).getId();
        assertEquals("alice", alice.customers().find(c).orElseThrow().getOwner());

        Session bob = as("bob");
        // no share: his roles reach his own records only
        refused(bob, c, o, "alice");

        share(Customer.ENTITY, c, "bob", false);
        share(Opportunity.ENTITY, o, "bob", false);
        Customer read = bob.customers().find(c).orElseThrow(); // a read share lets him read
        assertEquals("华东精密机械", read.getName());
        AccessDeniedException readOnly = assertInstanceOf(AccessDeniedException.class, refused(bob, c, o, "alice"));
        assertEquals(SecurityMessages.readShareOnly("bob", Customer.ENTITY, "alice"), readOnly.getMessage());

        share(Customer.ENTITY, c, "bob", true);
        share(Opportunity.ENTITY, o, "bob", true);
        Customer edited = bob.customers().find(c).orElseThrow();
        edited.setAddress("上海市嘉定区");
        bob.customers().update(edited);
        Opportunity editedDeal = bob.opportunities().find(o).orElseThrow();
        editedDeal.setNextStep("现场勘查");
        bob.opportunities().update(editedDeal);
        Customer stored = alice.customers().find(c).orElseThrow();
        assertEquals("上海市嘉定区", stored.getAddress());
        assertEquals("alice", stored.getOwner(), "changed, still alice's");
        assertEquals("现场勘查", alice.opportunities().find(o).orElseThrow().getNextStep());

        // a share lets him change it, not take it: handing it to himself is refused, and so is deleting it
        Customer taken = bob.customers().find(c).orElseThrow();
        taken.setOwner("bob");
        AccessDeniedException handOver = assertThrows(AccessDeniedException.class, () -> bob.customers().update(taken));
        assertEquals(SecurityMessages.handOver("bob", Customer.ENTITY, "bob", "alice"), handOver.getMessage());
        Opportunity takenDeal = bob.opportunities().find(o).orElseThrow();
        takenDeal.setOwner("bob");
        assertThrows(AccessDeniedException.class, () -> bob.opportunities().update(takenDeal));
        assertThrows(AccessDeniedException.class, () -> bob.opportunities().delete(o));
        assertThrows(AccessDeniedException.class, () -> bob.customers().delete(c));
        assertEquals("alice", alice.customers().find(c).orElseThrow().getOwner());
        assertEquals("alice", alice.opportunities().find(o).orElseThrow().getOwner());
        assertTrue(!alice.customers().find(c).orElseThrow().isDeleted() && !alice.opportunities().find(o).orElseThrow().isDeleted());

        unshare(Customer.ENTITY, c, "bob");
        unshare(Opportunity.ENTITY, o, "bob");
        refused(bob, c, o, "alice");
        assertEquals("上海市嘉定区", alice.customers().find(c).orElseThrow().getAddress());
        assertEquals("现场勘查", alice.opportunities().find(o).orElseThrow().getNextStep());
    }

    /**
     * {@code user}'s changes of the customer {@code c} and the deal {@code o} are refused (read through alice's session,
     * so a refused user need not read them), and nothing was written.
     */
    private RuntimeException refused(Session user, long c, long o, String owner) {
        Session alice = as("alice");
        Customer customer = alice.customers().find(c).orElseThrow();
        String address = customer.getAddress();
        customer.setAddress("北京市海淀区");
        RuntimeException denied = assertThrows(RuntimeException.class, () -> user.customers().update(customer));
        assertRefusal(denied, owner);
        Opportunity deal = alice.opportunities().find(o).orElseThrow();
        String nextStep = deal.getNextStep();
        deal.setNextStep("签约");
        RuntimeException dealDenied = assertThrows(RuntimeException.class, () -> user.opportunities().update(deal));
        assertRefusal(dealDenied, owner);
        assertEquals(denied.getClass(), dealDenied.getClass());
        assertEquals(address, alice.customers().find(c).orElseThrow().getAddress(), "nothing written");
        assertEquals(nextStep, alice.opportunities().find(o).orElseThrow().getNextStep(), "nothing written");
        return denied;
    }

    /**
     * The service's refusal, naming the owner; or, where the database hides a record the user may not read (row-level
     * security on a team server), that there is no such record for them.
     */
    private void assertRefusal(RuntimeException refusal, String owner) {
        if (refusal instanceof AccessDeniedException) {
            assertTrue(refusal.getMessage().contains(owner), refusal.getMessage());
        } else {
            assertTrue(hidesWhatOneMayNotRead() && refusal instanceof ValidationException && refusal.getMessage().contains("There is no"),
                    refusal.toString());
        }
    }

    /** Whether a record the user may not read is not there for them at all (the database's row-level security). */
    boolean hidesWhatOneMayNotRead() {
        return false;
    }
}
