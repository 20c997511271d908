package org.salesbench.opportunities.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.testing.PostgresTeam;
import org.salesbench.users.Role;
import org.salesbench.users.Share;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * {@link EditShareTest} on a team server: alice and bob are sales reps signed in as their own PostgreSQL logins, with
 * the shipped role's reach (their own records), and alice shares and unshares her records through the user service; the
 * database's row-level policies stand behind the service. Runs on the server {@code SALESBENCH_TEST_PG_URL} names.
 */
@Tag("postgres")
class PostgresEditShareTest extends EditShareTest {

    private PostgresTeam team;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private UserServiceImpl aliceUsers;

    @Override
    Session as(String login) {
        if (team == null) {
            team = PostgresTeam.create("editshare", db -> new UserServiceImpl(db, new RoleSecurityService(db)));
            team.person("alice", "王丽", null, Role.SALES_REP).person("bob", "陈波", null, Role.SALES_REP);
        }
        return sessions.computeIfAbsent(login, l -> {
            Database db = team.open(l);
            open.add(db);
            RoleSecurityService security = new RoleSecurityService(db);
            CustomerServiceImpl customers = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            open.add(0, () -> customers.search().close());
            if (l.equals("alice")) {
                aliceUsers = new UserServiceImpl(db, security);
            }
            return session(customers, new OpportunityServiceImpl(db, security, (e, c, i) -> { }), new PipelineServiceImpl(db, security, (e, c, i) -> { }));
        });
    }

    /** bob's session does not see alice's records he has no share of: for him they are not there. */
    @Override
    boolean hidesWhatOneMayNotRead() {
        return true;
    }

    @Override
    void share(String entity, long id, String grantee, boolean edit) {
        as("alice");
        aliceUsers.share(new Share(entity, id, grantee, edit, null));
    }

    @Override
    void unshare(String entity, long id, String grantee) {
        as("alice");
        aliceUsers.unshare(entity, id, grantee);
    }

    @Override
    @AfterEach
    void close() {
        try {
            for (AutoCloseable c : open) {
                c.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (team != null) {
                team.close();
            }
        }
    }
}
