package org.salesbench.audit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.audit.AuditEntry;
import org.salesbench.audit.AuditKind;
import org.salesbench.audit.internal.AuditTrailImpl;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.ClientName;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.CommandRunner;
import org.salesbench.users.Share;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.UserService;
import org.salesbench.users.internal.UserServiceImpl;
import org.salesbench.users.internal.UsersCommand;

/**
 * A customer's account team (its shares) changes in the customer's history on embedded Derby: who joined or left, with
 * what access and account role, who changed it and when, through the users service and through {@code users
 * share|unshare}, which call the same service; a refused share and a no-op leave no entry.
 */
class AccountTeamAuditTest {

    private static final String FIELD = UserServiceImpl.ACCOUNT_TEAM;
    private final LocalSecurityService alice = new LocalSecurityService("alice");
    private Database db;
    private AuditTrailImpl audit;
    private CustomerServiceImpl customers;
    private UserServiceImpl users;
    private long customer;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.inMemory("account-team-" + UUID.randomUUID()), alice);
        audit = new AuditTrailImpl(db, alice);
        customers = new CustomerServiceImpl(db, alice, (entity, change, id) -> { });
        users = new UserServiceImpl(db, alice).auditTrail(audit);
        users.createUser(new User("li.wei", "李伟"));
        users.createUser(new User("wang.fang", "王芳"));
        customer = customers.create(DerbyAuditTrailTest.customer("华东机械有限公司")).getId();
    }

    @AfterEach
    void close() {
        audit.dispose();
        customers.search().close();
        db.close();
    }

    /** The customer's account-team entries, oldest first. */
    private List<AuditEntry> teamHistory() {
        List<AuditEntry> entries = new java.util.ArrayList<>(audit.history(Customer.ENTITY, customer).stream()
                .filter(e -> FIELD.equals(e.field())).toList());
        java.util.Collections.reverse(entries);
        return entries;
    }

    private static void assertEntry(AuditEntry e, String oldValue, String newValue) {
        assertEquals(AuditKind.CHANGED, e.kind(), e.toString());
        assertEquals(oldValue, e.oldValue(), e.toString());
        assertEquals(newValue, e.newValue(), e.toString());
        assertEquals("alice", e.user(), e.toString());
        assertEquals(ClientName.current(), e.client(), e.toString());
    }

    @Test
    void addingChangingAndRemovingAMemberAreRecordedAgainstTheCustomer() {
        Instant before = Instant.now(Clocks.system()).minusSeconds(1);
        users.share(new Share(Customer.ENTITY, customer, "li.wei", false, "pre-sales"));
        users.share(new Share(Customer.ENTITY, customer, "li.wei", false, "pre-sales")); // the same again: no change
        users.share(new Share(Customer.ENTITY, customer, "li.wei", true, "pre-sales"));
        Team team = new Team("华东大客户部");
        team.getMembers().add("wang.fang");
        long teamId = users.createTeam(team).getId();
        users.share(new Share(Customer.ENTITY, customer, Share.team(teamId), true, "  "));
        users.unshare(Customer.ENTITY, customer, "li.wei");
        users.unshare(Customer.ENTITY, customer, "wang.fang"); // not a member: nothing to record

        List<AuditEntry> history = teamHistory();
        assertEquals(4, history.size(), history.toString());
        assertEntry(history.get(0), null, "li.wei read pre-sales");
        assertEntry(history.get(1), "li.wei read pre-sales", "li.wei edit pre-sales");
        assertEntry(history.get(2), null, "team:华东大客户部 edit");
        assertEntry(history.get(3), "li.wei edit pre-sales", null);
        for (AuditEntry e : history) {
            assertEquals(customer, e.recordId());
            assertTrue(!e.at().isBefore(before) && !e.at().isAfter(Instant.now(Clocks.system())), e.toString());
        }
        assertEquals(List.of(new Share(Customer.ENTITY, customer, Share.team(teamId), true, null)), users.shares(Customer.ENTITY, customer));
    }

    @Test
    void aRefusedShareChangesNeitherTheTeamNorTheHistory() {
        assertThrows(ValidationException.class, () -> users.share(new Share(Customer.ENTITY, customer, "nobody", true, "pre-sales")));
        assertThrows(ValidationException.class, () -> users.share(new Share(Customer.ENTITY, customer, "li.wei", true, "x".repeat(65))));
        assertEquals(List.of(), users.shares(Customer.ENTITY, customer));
        assertEquals(List.of(), teamHistory());
    }

    @Test
    void theCommandsShareAndUnshareAreRecordedOnceThroughTheService() throws Exception {
        CommandRunner cli = new CommandRunner(new UsersCommand(), db).with(UserService.class, users);
        assertEquals(0, cli.run("share", Customer.ENTITY, Long.toString(customer), "wang.fang", "--edit", "--account-role", "实施"));
        assertEquals(0, cli.run("unshare", Customer.ENTITY, Long.toString(customer), "wang.fang"));

        List<AuditEntry> history = teamHistory();
        assertEquals(2, history.size(), history.toString());
        assertEntry(history.get(0), null, "wang.fang edit 实施");
        assertEntry(history.get(1), "wang.fang edit 实施", null);
        assertNull(history.get(0).details());
    }
}
