package org.salesbench.performance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.performance.internal.kpi.KpiRegistry;
import org.salesbench.performance.kpi.Kpi;
import org.salesbench.performance.kpi.KpiQuery;
import org.salesbench.performance.kpi.Period;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;

/**
 * The leaderboard's grouped query on a team server, the manager signed in as their own PostgreSQL role so that row
 * security applies: each person's won revenue from the one grouped query over the period is what that person's own
 * query gives the manager, and PostgreSQL plans the grouped query, policies and all, on an index range of the period's
 * won deals (state and close date), not on a scan of every opportunity.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresLeaderboardTest {

    private static final String PASSWORD = "Leaderboard-Pass-2026";
    private static final Period Q4 = Period.parse("2026-Q4").orElseThrow();
    private static final List<String> PEOPLE = List.of(REP, REP2, ADMIN, MANAGER);

    private PostgresSchema schema;
    private PerfFixture f;

    @BeforeAll
    void team() {
        schema = PostgresSchema.create("leaderboard");
        f = new PerfFixture(schema.settings());
        f.users.enableSignIn(MANAGER, PASSWORD.toCharArray());
        f.deal(REP, "40000", LocalDate.of(2026, 10, 8), null, null, null);
        f.deal(REP, "20000.10", LocalDate.of(2026, 11, 9), null, null, null);
        f.deal(REP2, "30000", LocalDate.of(2026, 12, 10), null, null, null);
        f.deal(REP2, "99000", LocalDate.of(2026, 9, 30), null, null, null); // Q3
        f.deal(ADMIN, "70000", LocalDate.of(2026, 10, 1), null, null, null);
        f.deal(REP, "5000", null, LocalDate.of(2026, 11, 1), null, null); // open
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

    @Test
    void theGroupedQueryGivesWhatEachPersonsOwnGivesUnderRowSecurityAndReadsTheWonRevenueIndex() throws Exception {
        Kpi won = KpiRegistry.find("won_revenue").orElseThrow().kpi().get().orElseThrow();
        try (Database manager = Database.open(new DatabaseSettings(schema.settings().url(), MANAGER, PASSWORD), new LocalSecurityService(MANAGER))) {
            List<String> sql = new ArrayList<>();
            Map<String, BigDecimal> each = manager.read(em -> won.valuesEach(new KpiQuery(recording(em, sql), PEOPLE, Q4, null, null), Map.of()));
            assertEquals(1, sql.size(), sql.toString());
            assertEquals(PEOPLE, new ArrayList<>(each.keySet()));
            for (String login : PEOPLE) {
                BigDecimal alone = manager.read(em -> won.value(new KpiQuery(em, List.of(login), Q4, null, null)));
                assertEquals(0, alone.compareTo(each.get(login)), login + ": alone " + alone + ", on the leaderboard " + each.get(login));
            }
            // the manager's own people, worked out by hand: Q3's deal and the open one do not count
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
