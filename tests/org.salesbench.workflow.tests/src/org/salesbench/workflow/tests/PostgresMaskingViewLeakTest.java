package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.Scope;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.testing.PostgresTeam;
import org.salesbench.users.Role;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * The masking views are made without {@code security_barrier} (users-13-views-without-barrier). A rep's own function,
 * not leak-proof (only a superuser may declare one so), in a condition on a view could in principle be run by the
 * planner on values before the view's own conditions. It cannot leak here, because the view has no condition that
 * filters rows (row visibility is the table's row-level security, whose conditions PostgreSQL runs before any
 * non-leak-proof condition of the reader's, view or not) and a masked column is a CASE the function only ever sees the
 * result of. This test tries it: a rep whose role hides customers' notes defines a very cheap function that RAISEs a
 * NOTICE with every value it is handed and calls it in conditions on the view, the table and a join, under several plans;
 * the notices name only the rep's own customer and never a note.
 */
@Tag("postgres")
class PostgresMaskingViewLeakTest {

    private static final String PEEK = "CREATE FUNCTION pg_temp.peek(a TEXT, b TEXT) RETURNS BOOLEAN LANGUAGE plpgsql COST 0.0001 AS $$"
            + " BEGIN RAISE NOTICE 'peek: % / %', a, b; RETURN TRUE; END $$";

    @Test
    void aRepsOwnFunctionOnTheViewSeesNoMaskedValueAndNoHiddenRow() throws Exception {
        try (PostgresTeam team = PostgresTeam.create("leak", db -> new UserServiceImpl(db, new RoleSecurityService(db)))) {
            team.users().createRole(new Role("notes_blind", "own customers, not their notes", false,
                    List.of(new Role.Grant("customer", Action.READ, Scope.OWN)),
                    List.of(new Role.FieldRule("customer", "notes", FieldAccess.HIDDEN))));
            team.person("peek.r", "窦明", null, "notes_blind").person("open.r", "项东", null, Role.SALES_REP);
            CustomerServiceImpl customers = new CustomerServiceImpl(team.owner(), new RoleSecurityService(team.owner()), (e, c, id) -> { });
            customer(customers, "窥视者的客户", "peek.r", "自己的机密备注");
            customer(customers, "别人的客户", "open.r", "别人的机密备注");

            List<String> queries = List.of(
                    "SELECT NAME FROM SB_CUSTOMER_V WHERE pg_temp.peek(NAME, NOTES)",
                    "SELECT NAME FROM SB_CUSTOMER_V WHERE pg_temp.peek(NAME, NOTES) AND ID > 0 ORDER BY ID",
                    "SELECT NAME FROM SB_CUSTOMER_V WHERE NOTES IS NULL OR pg_temp.peek(NAME, NOTES)",
                    "SELECT V.NAME FROM SB_CUSTOMER_V V JOIN SB_CUSTOMER C ON C.ID = V.ID WHERE pg_temp.peek(C.NAME, V.NOTES)",
                    "SELECT NAME FROM SB_CUSTOMER WHERE pg_temp.peek(NAME, OWNER)",
                    "SELECT COUNT(*) FROM SB_CUSTOMER_V WHERE pg_temp.peek(OWNER, NOTES) GROUP BY OWNER");
            List<String> peeked = notices(team, "peek.r", queries);
            assertTrue(peeked.stream().anyMatch(n -> n.contains("窥视者的客户")), "the function ran on the rep's own rows: " + peeked);
            assertFalse(peeked.stream().anyMatch(n -> n.contains("别人的客户") || n.contains("open.r")), "a row only row-level security hides: " + peeked);
            assertFalse(peeked.stream().anyMatch(n -> n.contains("机密备注")), "a value the view masks: " + peeked);
            try (Connection c = Database.connect(team.settings("peek.r")); Statement s = c.createStatement()) {
                SQLException locked = assertThrows(SQLException.class, () -> s.executeQuery("SELECT NOTES FROM SB_CUSTOMER").close());
                assertEquals("42501", locked.getSQLState(), locked.getMessage());
            }

            // the same function of a rep whose roles show notes: the view hands their own notes, nobody else's row
            List<String> open = notices(team, "open.r", queries.subList(0, 4));
            assertTrue(open.stream().anyMatch(n -> n.contains("别人的机密备注")), open.toString());
            assertFalse(open.stream().anyMatch(n -> n.contains("窥视者的客户") || n.contains("自己的机密备注")), open.toString());
        }
    }

    private static void customer(CustomerServiceImpl customers, String name, String owner, String notes) {
        Customer c = new Customer(name);
        c.setStatus(CustomerStatus.ACTIVE);
        c.setOwner(owner);
        c.setNotes(notes);
        customers.create(c);
    }

    /** Every NOTICE the queries raise, each run under the default plan, with sequential scans off and with a nested loop only. */
    private static List<String> notices(PostgresTeam team, String login, List<String> queries) throws SQLException {
        List<String> notices = new ArrayList<>();
        try (Connection c = Database.connect(team.settings(login)); Statement s = c.createStatement()) {
            s.execute(PEEK);
            for (String plan : List.of("RESET ALL", "SET enable_seqscan = off", "SET enable_hashjoin = off; SET enable_mergejoin = off")) {
                s.execute(plan);
                for (String sql : queries) {
                    s.clearWarnings();
                    try (ResultSet rs = s.executeQuery(sql)) {
                        while (rs.next()) {
                            rs.getObject(1);
                        }
                    }
                    for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                        notices.add(w.getMessage());
                    }
                }
            }
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        }
        return notices;
    }
}
