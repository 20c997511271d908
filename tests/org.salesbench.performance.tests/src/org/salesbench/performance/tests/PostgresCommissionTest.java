package org.salesbench.performance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.performance.tests.PerfFixture.ADMIN;
import static org.salesbench.performance.tests.PerfFixture.MANAGER;
import static org.salesbench.performance.tests.PerfFixture.REP;
import static org.salesbench.performance.tests.PerfFixture.REP2;
import static org.salesbench.performance.tests.PerfFixture.dec;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.performance.commissions.CommissionBasis;
import org.salesbench.performance.commissions.CommissionPlan;
import org.salesbench.performance.commissions.Statement;
import org.salesbench.performance.internal.commissions.CommissionServiceImpl;
import org.salesbench.performance.internal.kpi.KpiRegistry;
import org.salesbench.performance.kpi.Kpi;
import org.salesbench.performance.kpi.KpiQuery;
import org.salesbench.performance.kpi.Period;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;
import org.salesbench.users.internal.RoleSecurityService;

/**
 * Commission statements on a team server, each rep signed in as their own PostgreSQL role: the statement SQL runs on
 * PostgreSQL as on Derby, a rep reads their own closed statement, is refused a colleague's by the service, and row
 * security hides the colleague's stored lines and quota from direct SQL too. The reps hold the shipped sales_rep role,
 * whose grant of commissions OWN (users-8-performance) overrides its read-everything grant; their manager's
 * sales_manager role reads their people's. On the same team server (one schema for both, to keep CI short): the
 * leaderboard's grouped query under row security.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresCommissionTest {

    private static final String PASSWORD = "Commission-Pass-2026";
    private static final Period Q4 = Period.parse("2026-Q4").orElseThrow();
    private static final List<String> LEADERBOARD = List.of(REP, REP2, ADMIN, MANAGER);

    private PostgresSchema schema;
    private PerfFixture f;
    private CommissionPlan plan;

    @BeforeAll
    void team() {
        // migrated, not copied from the template: this test asserts the planner's choice of index on a few rows, and a
        // copy's tables get their size statistics in another order (data before indexes) than the migration's
        schema = PostgresSchema.empty("performance");
        f = new PerfFixture(schema.settings());
        for (String login : List.of(REP, REP2, MANAGER)) {
            f.users.enableSignIn(login, PASSWORD.toCharArray());
        }
        f.as(MANAGER);
        plan = f.commissions.savePlan(new CommissionPlan("赢单提成", CommissionBasis.WON, dec("0.05"), Q4.from(), Q4.to())
                .tier(dec("100"), dec("1.5")));
        f.commissions.setTarget(plan.getId(), REP, dec("50000"));
        f.commissions.setTarget(plan.getId(), REP2, dec("60000"));
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
        return ownersBySql(db, "SB_PERF_COMMISSION_LINE");
    }

    private static Set<String> ownersBySql(Database db, String table) throws Exception {
        Set<String> owners = new TreeSet<>();
        try (Connection c = Database.connect(db.settings()); java.sql.Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT OWNER FROM " + table)) {
            while (rs.next()) {
                owners.add(rs.getString(1));
            }
        }
        return owners;
    }

    @Test
    void aRepSeesTheirOwnStatementAndNotAColleagues() throws Exception {
        try (Database rep = signIn(REP)) {
            CommissionServiceImpl service = new CommissionServiceImpl(rep, new RoleSecurityService(rep), null);
            Statement own = service.statement(plan.getId(), REP, Q4);
            assertTrue(own.closed());
            // 40000 × 5 % = 2000.00; 10000 at × 1 and 10000.10 beyond 100 % of 50000 at × 1.5 = 25000.15 × 5 % = 1250.0075
            assertEquals(List.of(new BigDecimal("2000.00"), new BigDecimal("1250.01")), own.lines().stream().map(Statement.Line::commission).toList());
            assertEquals(0, dec("3250.01").compareTo(own.total()));
            AccessDeniedException refused = assertThrows(AccessDeniedException.class, () -> service.statement(plan.getId(), REP2, Q4));
            assertTrue(refused.getMessage().contains(REP2), refused.getMessage());
            assertEquals(Set.of(REP), ownersBySql(rep));
            assertEquals(Set.of(REP), ownersBySql(rep, "SB_PERF_COMMISSION_QUOTA"));
        }
        try (Database other = signIn(REP2)) {
            assertEquals(Set.of(REP2), ownersBySql(other));
            assertEquals(Set.of(REP2), ownersBySql(other, "SB_PERF_COMMISSION_QUOTA"));
        }
        try (Database manager = signIn(MANAGER)) {
            // the manager reads both of their people's lines, and may open a rep's statement
            assertEquals(Set.of(REP, REP2), ownersBySql(manager));
            Statement theirs = new CommissionServiceImpl(manager, new RoleSecurityService(manager), null).statement(plan.getId(), REP2, Q4);
            assertEquals(0, dec("1500.00").compareTo(theirs.total()));
        }
    }

    /** The real entity manager, keeping the SQL of the native queries made through it. */
    private static EntityManager recording(EntityManager em, List<String> sql) {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createNativeQuery")) {
                        sql.add((String) args[0]);
                    }
                    try {
                        return method.invoke(em, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * The leaderboard's grouped query with the manager signed in as their own role, so that row security applies: each
     * person's won revenue from the one grouped query over the period is what that person's own query gives, and
     * PostgreSQL plans it, policies and all, on an index range of the period's won deals, not on a scan of every deal.
     */
    @Test
    void theGroupedQueryGivesWhatEachPersonsOwnGivesUnderRowSecurityAndReadsTheWonRevenueIndex() throws Exception {
        Kpi won = KpiRegistry.find("won_revenue").orElseThrow().kpi().get().orElseThrow();
        try (Database manager = signIn(MANAGER)) {
            List<String> sql = new ArrayList<>();
            Map<String, BigDecimal> each = manager.read(em -> won.valuesEach(new KpiQuery(recording(em, sql), LEADERBOARD, Q4, null, null), Map.of()));
            assertEquals(1, sql.size(), sql.toString());
            assertEquals(LEADERBOARD, new ArrayList<>(each.keySet()));
            for (String login : LEADERBOARD) {
                BigDecimal alone = manager.read(em -> won.value(new KpiQuery(em, List.of(login), Q4, null, null)));
                assertEquals(0, alone.compareTo(each.get(login)), login + ": alone " + alone + ", on the leaderboard " + each.get(login));
            }
            // the manager's own people, worked out by hand
            assertEquals(0, dec("60000.10").compareTo(each.get(REP)));
            assertEquals(0, dec("30000").compareTo(each.get(REP2)));

            // the plan of that very statement, as the manager (row security on), with sequential scans priced out as a
            // table of a million rows prices them: it must read the won revenue index
            String grouped = sql.get(0);
            StringBuilder plan = new StringBuilder();
            try (Connection c = Database.connect(manager.settings())) {
                c.createStatement().execute("SET enable_seqscan = off");
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + grouped)) {
                    ps.setObject(1, Q4.from());
                    ps.setObject(2, Q4.to());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            plan.append(rs.getString(1)).append('\n');
                        }
                    }
                }
                try (ResultSet rs = c.createStatement().executeQuery("SELECT relrowsecurity FROM pg_class WHERE relname = 'sb_opportunity'")) {
                    assertTrue(rs.next() && rs.getBoolean(1), "row security is on for SB_OPPORTUNITY");
                }
            }
            // an index led by the deals' state and close date (IX_SB_OPP_WON, or IX_SB_OPP_CLOSED of the analytics module,
            // which leads with the same two columns) gives the period's range; the policies filter those rows, and no
            // scan reads every deal
            String p = plan.toString().toLowerCase(Locale.ROOT);
            assertTrue(!p.contains("seq scan") && p.lines().anyMatch(l -> l.contains("index cond") && l.contains("state") && l.contains("closed_on >=")),
                    plan.toString());
            assertTrue(p.contains("ix_sb_opp_won") || p.contains("ix_sb_opp_closed"), plan.toString());
        }
    }
}
