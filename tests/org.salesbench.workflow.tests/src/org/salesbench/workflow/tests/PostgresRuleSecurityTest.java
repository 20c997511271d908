package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.Scope;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.testing.PostgresTeam;
import org.salesbench.users.Role;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;
import org.salesbench.workflow.internal.rules.RuleServiceImpl;
import org.salesbench.workflow.rules.Rule;
import org.salesbench.workflow.rules.RuleServices;

/**
 * Row-level security of the rule tables on a team server, each person signed in as their own PostgreSQL role: everyone
 * reads the rules, a manager writes their own, a rep none, by the service and by direct SQL; the execution log is
 * written only in one's own name and never changed; a snapshot is seen only by whom its record's read policy lets.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRuleSecurityTest {

    private PostgresTeam team;
    private Database ownerDb;

    @BeforeAll
    void users() {
        team = PostgresTeam.create("rulerls", db -> new UserServiceImpl(db, new RoleSecurityService(db)));
        ownerDb = team.owner();
        team.person("boss.m", "钱经理", null, Role.SALES_MANAGER).person("boss.n", "孙经理", null, Role.SALES_MANAGER)
                .person("rep.r", "吴敏", null, Role.SALES_REP).person("rep.s", "郑涛", null, Role.SALES_REP);
    }

    @AfterAll
    void close() {
        if (team != null) {
            team.close();
        }
    }

    private Database as(String login) {
        return team.open(login);
    }

    private static RuleServiceImpl rules(Database db) {
        RuleServices none = new RuleServices() {
            @Override
            public <S> S get(Class<S> type) {
                throw new IllegalStateException("no services in this test");
            }
        };
        return new RuleServiceImpl(db, new RoleSecurityService(db), none);
    }

    private static int update(Database db, String sql) throws SQLException {
        try (Connection c = Database.connect(db.settings()); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = Database.connect(db.settings()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyoneReadsTheRulesAManagerWritesTheirOwnARepNone() throws Exception {
        long id;
        try (Database m = as("boss.m")) {
            RuleServiceImpl mine = rules(m);
            Rule rule = RuleEngineTest.rule("Big deals get a call", "opportunity", RuleEngineTest.CREATED, List.of(), RuleEngineTest.recording());
            id = mine.save(rule).getId();
            mine.close();
            assertEquals(1, update(m, "UPDATE SB_RULE SET DESCRIPTION = 'mine' WHERE ID = " + id));
        }
        try (Database r = as("rep.r")) {
            RuleServiceImpl reps = rules(r);
            assertEquals(List.of("Big deals get a call"), reps.list().stream().map(Rule::getName).toList());
            assertEquals(1, count(r, "SELECT COUNT(*) FROM SB_RULE"), "the engine of a rep's client reads the rules");
            assertThrows(AccessDeniedException.class, () -> reps.delete(id));
            reps.close();
            assertEquals(0, update(r, "UPDATE SB_RULE SET ENABLED = FALSE WHERE ID = " + id));
            assertEquals(0, update(r, "DELETE FROM SB_RULE WHERE ID = " + id));
            SQLException refused = assertThrows(SQLException.class, () -> update(r, "INSERT INTO SB_RULE (ID, VERSION, CREATED_AT, CREATED_BY,"
                    + " UPDATED_AT, UPDATED_BY, OWNER, NAME, RECORD_ENTITY, TRIGGER_ID, ENABLED) VALUES (-77, 1, CURRENT_TIMESTAMP, 'rep.r',"
                    + " CURRENT_TIMESTAMP, 'rep.r', 'rep.r', 'Mine now', 'customer', 'x', TRUE)"));
            assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
        }
        try (Database n = as("boss.n")) {
            // another manager's rule is not his: boss.m is not one of his people
            assertEquals(0, update(n, "UPDATE SB_RULE SET ENABLED = FALSE WHERE ID = " + id));
        }
        try (Database m = as("boss.m")) {
            assertEquals(1, count(m, "SELECT COUNT(*) FROM SB_RULE WHERE ENABLED AND DESCRIPTION = 'mine' AND ID = " + id));
        }
    }

    @Test
    void theExecutionLogIsWrittenInOnesOwnNameOnlyAndNeverChanged() throws Exception {
        String insert = "INSERT INTO SB_RULE_EXECUTION (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER, RULE_ID,"
                + " RULE_NAME, RECORD_ENTITY, RECORD_ID, TRIGGERED_BY, OUTCOME, EXECUTED_AT, DEPTH) VALUES (%d, 1, CURRENT_TIMESTAMP, 'rep.s',"
                + " CURRENT_TIMESTAMP, 'rep.s', '%s', 1, 'Some rule', 'customer', 1, 'CREATED', 'SUCCEEDED', CURRENT_TIMESTAMP, 0)";
        try (Database s = as("rep.s")) {
            assertEquals(1, update(s, String.format(insert, -501, "rep.s")));
            SQLException forged = assertThrows(SQLException.class, () -> update(s, String.format(insert, -502, "boss.m")));
            assertTrue(forged.getMessage().contains("row-level security"), forged.getMessage());
            assertEquals(0, update(s, "UPDATE SB_RULE_EXECUTION SET OUTCOME = 'FAILED' WHERE ID = -501"));
            assertEquals(0, update(s, "DELETE FROM SB_RULE_EXECUTION WHERE ID = -501"));
        }
        try (Database m = as("boss.m")) {
            assertEquals(1, count(m, "SELECT COUNT(*) FROM SB_RULE_EXECUTION WHERE ID = -501 AND OUTCOME = 'SUCCEEDED'"), "everyone reads the log");
        }
    }

    @Test
    void aSnapshotIsSeenOnlyByWhomItsRecordsReadPolicyLets() throws Exception {
        CustomerServiceImpl customers = new CustomerServiceImpl(ownerDb, new LocalSecurityService("owner"), (e, c, id) -> { });
        Customer customer = new Customer("成都天府软件");
        customer.setStatus(CustomerStatus.ACTIVE);
        Customer theirs = customers.create(customer);
        try (Connection c = Database.connect(ownerDb.settings()); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE SB_CUSTOMER SET OWNER = 'rep.s' WHERE ID = " + theirs.getId());
            st.executeUpdate("INSERT INTO SB_RULE_SNAPSHOT_FIELD (RECORD_ENTITY, RECORD_ID, FIELD, FIELD_VALUE) VALUES ('customer', "
                    + theirs.getId() + ", 'name', '成都天府软件')");
        }
        String snapshots = "SELECT COUNT(*) FROM SB_RULE_SNAPSHOT_FIELD WHERE RECORD_ENTITY = 'customer' AND RECORD_ID = " + theirs.getId();
        try (Database s = as("rep.s")) {
            assertEquals(1, count(s, snapshots));
        }
        try (Database r = as("rep.r")) {
            assertEquals(0, count(r, snapshots));
            assertEquals(0, update(r, "DELETE FROM SB_RULE_SNAPSHOT_FIELD WHERE RECORD_ENTITY = 'customer' AND RECORD_ID = " + theirs.getId()));
            SQLException refused = assertThrows(SQLException.class, () -> update(r, "INSERT INTO SB_RULE_SNAPSHOT_FIELD (RECORD_ENTITY,"
                    + " RECORD_ID, FIELD, FIELD_VALUE) VALUES ('customer', " + (theirs.getId() + 1000) + ", 'name', 'x')"));
            assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
        }
        assertEquals(1, count(ownerDb, snapshots));
    }

    /**
     * The engine's snapshot of a record keeps each field apart, and a field the reader's roles hide is not theirs: by
     * direct SQL a rep whose role hides customers' grade finds no grade of their own customer (which they see) in the
     * snapshot, cannot write or delete it, and their own engine, which reads the grade masked, leaves the value a user
     * who sees it kept; the rule watching the grade still fires when the owner changes it.
     */
    @Test
    void aSnapshotHidesTheFieldsTheReadersRolesHide() throws Exception {
        team.users().createRole(new Role("grade_blind", "own customers, not their grade", false,
                List.of(new Role.Grant("customer", Action.READ, Scope.OWN), new Role.Grant("customer", Action.UPDATE, Scope.OWN),
                        new Role.Grant("rule", Action.READ, Scope.ALL)),
                List.of(new Role.FieldRule("customer", "grade", FieldAccess.HIDDEN))));
        team.person("blind.g", "冯晓", null, "grade_blind");
        RoleSecurityService ownerSecurity = new RoleSecurityService(ownerDb);
        CustomerServiceImpl customers = new CustomerServiceImpl(ownerDb, ownerSecurity, (e, c, id) -> { });
        Customer customer = new Customer("绵阳九洲电子");
        customer.setStatus(CustomerStatus.ACTIVE);
        customer.setOwner("blind.g");
        customer.setGrade("A");
        customer.setRegion("西南");
        long id = customers.create(customer).getId();

        RuleServiceImpl ownerRules = new RuleServiceImpl(ownerDb, ownerSecurity, services(customers));
        Rule rule = RuleEngineTest.rule("Grade changed", "customer", RuleEngineTest.FIELD_CHANGED, List.of(), RuleEngineTest.recording());
        rule.setTriggerParameters(java.util.Map.of("field", "grade"));
        long ruleId = ownerRules.save(rule).getId(); // takes a snapshot of every customer
        assertTrue(ownerRules.awaitIdle(java.time.Duration.ofSeconds(30)));
        String fields = "SELECT FIELD FROM SB_RULE_SNAPSHOT_FIELD WHERE RECORD_ENTITY = 'customer' AND RECORD_ID = " + id + " ORDER BY FIELD";
        String grade = "SELECT COUNT(*) FROM SB_RULE_SNAPSHOT_FIELD WHERE RECORD_ENTITY = 'customer' AND RECORD_ID = " + id
                + " AND FIELD = 'grade' AND FIELD_VALUE = '%s'";
        assertTrue(strings(ownerDb, fields).containsAll(List.of("grade", "name", "owner", "region")), strings(ownerDb, fields).toString());
        assertEquals(1, count(ownerDb, String.format(grade, "A")));

        try (Database g = as("blind.g")) {
            List<String> seen = strings(g, fields);
            assertTrue(seen.containsAll(List.of("name", "owner", "region")), "the rest of their own customer's snapshot: " + seen);
            assertTrue(!seen.contains("grade"), "a hidden field's value is not in a rep's snapshot: " + seen);
            assertEquals(0, count(g, "SELECT COUNT(*) FROM SB_RULE_SNAPSHOT_FIELD WHERE FIELD = 'grade'"));
            assertEquals(0, update(g, "UPDATE SB_RULE_SNAPSHOT_FIELD SET FIELD_VALUE = 'C' WHERE FIELD = 'grade'"));
            assertEquals(0, update(g, "DELETE FROM SB_RULE_SNAPSHOT_FIELD WHERE FIELD = 'grade'"));
            update(g, "DELETE FROM SB_RULE_SNAPSHOT_FIELD WHERE FIELD = 'region' AND RECORD_ID = " + id);
            SQLException refused = assertThrows(SQLException.class, () -> update(g, "INSERT INTO SB_RULE_SNAPSHOT_FIELD (RECORD_ENTITY,"
                    + " RECORD_ID, FIELD, FIELD_VALUE) VALUES ('customer', " + id + ", 'grade', 'C')"));
            assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());

            // the rep's own engine handles their change of the region: it keeps the region, and leaves the grade alone
            RoleSecurityService security = new RoleSecurityService(g);
            CustomerServiceImpl theirs = new CustomerServiceImpl(g, security, (e, c, i) -> { });
            RuleServiceImpl engine = new RuleServiceImpl(g, security, services(theirs));
            Customer mine = theirs.find(id).orElseThrow();
            assertEquals(null, mine.getGrade(), "hidden from them");
            mine.setRegion("华西");
            theirs.update(mine);
            engine.changed("customer", org.salesbench.core.events.EventTopics.Change.UPDATED, id);
            assertTrue(engine.awaitIdle(java.time.Duration.ofSeconds(30)));
            engine.close();
            assertEquals(1, count(g, "SELECT COUNT(*) FROM SB_RULE_SNAPSHOT_FIELD WHERE FIELD = 'region' AND FIELD_VALUE = '华西' AND RECORD_ID = " + id));
        }
        assertEquals(1, count(ownerDb, String.format(grade, "A")), "the value a user who sees it kept stays");
        assertEquals(0, ownerRules.log(ruleId, 10).size(), "a change of the region is not the grade's");

        Customer stored = customers.find(id).orElseThrow();
        stored.setGrade("B");
        customers.update(stored);
        ownerRules.changed("customer", org.salesbench.core.events.EventTopics.Change.UPDATED, id);
        assertTrue(ownerRules.awaitIdle(java.time.Duration.ofSeconds(30)));
        assertEquals(1, ownerRules.log(ruleId, 10).size(), "the grade's change fires the rule");
        assertEquals(1, count(ownerDb, String.format(grade, "B")));
        ownerRules.delete(ruleId);
        ownerRules.close();
    }

    private static RuleServices services(CustomerServiceImpl customers) {
        return new RuleServices() {
            @Override
            public <S> S get(Class<S> type) {
                if (type == org.salesbench.customers.CustomerService.class) {
                    return type.cast(customers);
                }
                throw new IllegalStateException("no " + type.getSimpleName() + " in this test");
            }
        };
    }

    private static List<String> strings(Database db, String sql) throws SQLException {
        List<String> values = new java.util.ArrayList<>();
        try (Connection c = Database.connect(db.settings()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
