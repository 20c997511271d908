package org.salesbench.performance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.performance.tests.PerfFixture.MANAGER;
import static org.salesbench.performance.tests.PerfFixture.REP;
import static org.salesbench.performance.tests.PerfFixture.REP2;
import static org.salesbench.performance.tests.PerfFixture.dec;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.Scope;
import org.salesbench.performance.commissions.CommissionBasis;
import org.salesbench.performance.commissions.CommissionPlan;
import org.salesbench.performance.commissions.Statement;
import org.salesbench.performance.internal.commissions.CommissionServiceImpl;
import org.salesbench.performance.kpi.Period;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;
import org.salesbench.users.Role;
import org.salesbench.users.internal.RoleSecurityService;

/**
 * Commission statements on a team server, each rep signed in as their own PostgreSQL role: the statement SQL runs on
 * PostgreSQL as on Derby, a rep reads their own closed statement, is refused a colleague's by the service, and row
 * security hides the colleague's stored lines from direct SQL too. The reps hold a role that reads commissions OWN
 * (the shipped roles have no commission grant yet: see the module's notes).
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresCommissionTest {

    private static final String PASSWORD = "Commission-Pass-2026";
    private static final Period Q4 = Period.parse("2026-Q4").orElseThrow();

    private PostgresSchema schema;
    private PerfFixture f;
    private CommissionPlan plan;

    @BeforeAll
    void team() {
        schema = PostgresSchema.create("performance");
        f = new PerfFixture(schema.settings());
        f.users.createRole(new Role("commission_rep", "reads everything, and of commissions their own", false,
                List.of(new Role.Grant(Role.EVERY_ENTITY, Action.READ, Scope.ALL), new Role.Grant(CommissionPlan.ENTITY, Action.READ, Scope.OWN)),
                List.of()));
        for (String rep : List.of(REP, REP2)) {
            f.users.setRoles(rep, List.of("commission_rep"));
            f.users.enableSignIn(rep, PASSWORD.toCharArray());
        }
        f.as(MANAGER);
        plan = f.commissions.savePlan(new CommissionPlan("赢单提成", CommissionBasis.WON, dec("0.05"), Q4.from(), Q4.to())
                .tier(dec("100"), dec("1.5")));
        f.commissions.setTarget(plan.getId(), REP, dec("50000"));
        f.deal(REP, "40000", LocalDate.of(2026, 10, 8), null, null, null);
        f.deal(REP, "20000.10", LocalDate.of(2026, 11, 9), null, null, null);
        f.deal(REP2, "30000", LocalDate.of(2026, 12, 10), null, null, null);
        f.commissions.close(plan.getId(), REP, Q4);
        f.commissions.close(plan.getId(), REP2, Q4);
    }

    @AfterAll
    void close() {
        if (f != null) {
            f.close();
        }
        if (schema != null) {
            schema.closeWithTeamRoles();
        }
    }

    private Database signIn(String login) {
        return Database.open(new DatabaseSettings(schema.settings().url(), login, PASSWORD), new LocalSecurityService(login));
    }

    private static Set<String> ownersBySql(Database db) throws Exception {
        Set<String> owners = new TreeSet<>();
        try (Connection c = Database.connect(db.settings()); java.sql.Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT OWNER FROM SB_PERF_COMMISSION_LINE")) {
            while (rs.next()) {
                owners.add(rs.getString(1));
            }
        }
        return owners;
    }

    @Test
    void aRepSeesTheirOwnStatementAndNotAColleagues() throws Exception {
        try (Database rep = signIn(REP)) {
            CommissionServiceImpl service = new CommissionServiceImpl(rep, new RoleSecurityService(rep));
            Statement own = service.statement(plan.getId(), REP, Q4);
            assertTrue(own.closed());
            // 40000 × 5 % = 2000.00; 10000 at × 1 and 10000.10 beyond 100 % of 50000 at × 1.5 = 25000.15 × 5 % = 1250.0075
            assertEquals(List.of(new BigDecimal("2000.00"), new BigDecimal("1250.01")), own.lines().stream().map(Statement.Line::commission).toList());
            assertEquals(0, dec("3250.01").compareTo(own.total()));
            AccessDeniedException refused = assertThrows(AccessDeniedException.class, () -> service.statement(plan.getId(), REP2, Q4));
            assertTrue(refused.getMessage().contains(REP2), refused.getMessage());
            assertEquals(Set.of(REP), ownersBySql(rep));
        }
        try (Database other = signIn(REP2)) {
            assertEquals(Set.of(REP2), ownersBySql(other));
        }
    }
}
