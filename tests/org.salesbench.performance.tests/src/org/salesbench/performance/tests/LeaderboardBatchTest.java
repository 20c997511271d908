package org.salesbench.performance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.performance.tests.PerfFixture.MANAGER;
import static org.salesbench.performance.tests.PerfFixture.dec;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.contracts.Contract;
import org.salesbench.customers.ActivityType;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.performance.internal.kpi.KpiRegistry;
import org.salesbench.performance.kpi.Kpi;
import org.salesbench.performance.kpi.KpiQuery;
import org.salesbench.performance.kpi.KpiService;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.users.User;

/**
 * Leaderboards ask a KPI for everyone at once: each built-in KPI answers with one grouped query (counted on the real
 * entity manager) and gives every person exactly the value it gives that person alone; an add-on KPI that has no batch
 * method is asked person by person, and a broken one measures nothing for anyone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeaderboardBatchTest {

    private static final Period Q2 = Period.parse("2023-Q2").orElseThrow();
    private static final List<String> PEOPLE = List.of("bt.a", "bt.b", "bt.c", "bt.none");
    private PerfFixture f;

    @BeforeAll
    void open() {
        f = new PerfFixture();
        for (String login : PEOPLE) {
            User u = new User(login, "榜单 " + login);
            u.setManager(MANAGER);
            f.users.createUser(u);
        }
        f.deal("bt.a", "1200.50", LocalDate.of(2023, 4, 2), null, null, null);
        f.deal("bt.a", "800", LocalDate.of(2023, 6, 30), null, null, null);
        f.deal("bt.b", "5000", LocalDate.of(2023, 5, 5), null, null, null);
        f.deal("bt.c", "7000", LocalDate.of(2023, 7, 1), null, null, null); // Q3: not counted
        f.deal("bt.a", "100", null, LocalDate.of(2023, 6, 1), null, null); // open, overdue at the quarter's end
        f.deal("bt.b", "100", null, LocalDate.of(2023, 8, 1), null, null); // open, not overdue
        Opportunity deal = f.deal("bt.c", "3000", LocalDate.of(2023, 3, 1), null, null, null);
        Contract contract = f.contract("bt.c", deal);
        f.receipt(contract, "1000", LocalDate.of(2023, 5, 10));
        f.activity("bt.a", ActivityType.VISIT, LocalDate.of(2023, 4, 3).atTime(9, 0));
        f.activity("bt.a", ActivityType.CALL, LocalDate.of(2023, 4, 4).atTime(9, 0));
        f.activity("bt.c", ActivityType.VISIT, LocalDate.of(2023, 5, 4).atTime(9, 0));
        f.activity("bt.a", ActivityType.MEETING, LocalDate.of(2023, 5, 6).atTime(9, 0), 4);
        f.activity("bt.a", ActivityType.CALL, LocalDate.of(2023, 5, 7).atTime(9, 0), 5);
        f.activity("bt.b", ActivityType.CALL, LocalDate.of(2023, 6, 7).atTime(9, 0), 2);
        f.task("bt.b", LocalDate.of(2023, 5, 10), LocalDate.of(2023, 5, 10).atTime(9, 0), false);
        f.task("bt.b", LocalDate.of(2023, 5, 11), null, false);
        f.targets.create("won_revenue", Subject.person("bt.a"), TargetPeriod.quarter(2023, 2), dec("4001"), "二季度目标");
        f.as(MANAGER);
        try {
            f.kpis.rate("bt.a", Period.parse("2023-05").orElseThrow(), dec("70"), "协作");
        } finally {
            f.as(PerfFixture.ADMIN);
        }
    }

    @AfterAll
    void close() {
        f.close();
    }

    /** The real entity manager, counting the native queries made through it. */
    private static EntityManager counting(EntityManager em, AtomicInteger queries) {
        return recording(em, queries, new ArrayList<>());
    }

    /** The real entity manager, counting the native queries made through it and keeping their SQL. */
    private static EntityManager recording(EntityManager em, AtomicInteger queries, List<String> sql) {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createNativeQuery")) {
                        queries.incrementAndGet();
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
    void everyBuiltInKpiRanksEveryoneWithOneQueryAndTheValuesEachPersonHasAlone() {
        Map<String, BigDecimal> targets = Map.of("bt.a", dec("4001"));
        for (String id : List.of("revenue_attainment", "won_revenue", "collected_revenue", "new_customers", "activities", "follow_up_timeliness",
                "opportunity_hygiene", "customer_satisfaction", "teamwork")) {
            Kpi kpi = KpiRegistry.find(id).orElseThrow().kpi().get().orElseThrow();
            for (String parameter : id.equals("activities") ? new String[] {null, "VISIT"} : new String[] {null}) {
                AtomicInteger queries = new AtomicInteger();
                Map<String, BigDecimal> each = f.db.read(em -> kpi.valuesEach(new KpiQuery(counting(em, queries), PEOPLE, Q2, parameter, null), targets));
                assertEquals(1, queries.get(), id + ": one grouped query for " + PEOPLE.size() + " people");
                assertEquals(PEOPLE, new ArrayList<>(each.keySet()), id);
                for (String login : PEOPLE) {
                    BigDecimal alone = f.db.read(em -> kpi.value(new KpiQuery(em, List.of(login), Q2, parameter, targets.get(login))));
                    BigDecimal batch = each.get(login);
                    assertTrue(alone == null ? batch == null : batch != null && alone.compareTo(batch) == 0,
                            id + " of " + login + ": alone " + alone + ", on the leaderboard " + batch);
                }
            }
        }
    }

    /**
     * A leaderboard of some people reads the whole period grouped by login in one query, with no logins bound (the
     * figures of people not asked for, here bt.b's and bt.c's, are in the rows read and must not leak in or shift a
     * value), and still gives each person asked exactly the value they have alone.
     */
    @Test
    void theGroupedQueryOverThePeriodGivesThePeopleAskedWhatTheyHaveAloneAndNobodyElse() {
        List<String> some = List.of("bt.none", "bt.a");
        Map<String, BigDecimal> targets = Map.of("bt.a", dec("4001"), "bt.b", dec("1000"));
        for (String id : List.of("revenue_attainment", "won_revenue", "collected_revenue", "new_customers", "activities", "follow_up_timeliness",
                "opportunity_hygiene", "customer_satisfaction", "teamwork")) {
            Kpi kpi = KpiRegistry.find(id).orElseThrow().kpi().get().orElseThrow();
            AtomicInteger queries = new AtomicInteger();
            List<String> sql = new ArrayList<>();
            Map<String, BigDecimal> each = f.db.read(em -> kpi.valuesEach(new KpiQuery(recording(em, queries, sql), some, Q2, null, null), targets));
            assertEquals(1, queries.get(), id);
            assertTrue(sql.get(0).contains("GROUP BY") && !sql.get(0).contains(" IN ("), id + ": grouped over the period, no login list: " + sql);
            assertEquals(some, new ArrayList<>(each.keySet()), id + ": only the people asked, in their order");
            for (String login : some) {
                BigDecimal alone = f.db.read(em -> kpi.value(new KpiQuery(em, List.of(login), Q2, null, targets.get(login))));
                BigDecimal batch = each.get(login);
                assertTrue(alone == null ? batch == null : batch != null && alone.compareTo(batch) == 0,
                        id + " of " + login + ": alone " + alone + ", on the leaderboard " + batch);
            }
        }
        // by hand: bt.a won 1200.50 + 800 in Q2; bt.b's 5000 is read by the grouped query but is not bt.a's nor bt.none's
        Kpi won = KpiRegistry.find("won_revenue").orElseThrow().kpi().get().orElseThrow();
        Map<String, BigDecimal> wonEach = f.db.read(em -> won.valuesEach(new KpiQuery(em, some, Q2, null, null), Map.of()));
        assertEquals(0, dec("2000.50").compareTo(wonEach.get("bt.a")));
        assertEquals(0, BigDecimal.ZERO.compareTo(wonEach.get("bt.none")));
    }

    @Test
    void theLeaderboardsFiguresAreWorkedOutByHand() {
        List<KpiService.Ranked> won = f.kpis.leaderboard("won_revenue", PEOPLE, Q2, null);
        assertEquals(List.of("bt.b", "bt.a", "bt.c", "bt.none"), won.stream().map(KpiService.Ranked::login).toList());
        assertEquals(0, dec("5000").compareTo(won.get(0).value()));
        assertEquals(0, dec("2000.50").compareTo(won.get(1).value()));
        assertEquals(List.of(1, 2, 3, 3), won.stream().map(KpiService.Ranked::rank).toList(), "bt.c and bt.none both won nothing in Q2");
        // 2000.50 × 100 / 4001 = 50 %: the published target of bt.a, read once for everyone; nobody else has one
        List<KpiService.Ranked> attainment = f.kpis.leaderboard("revenue_attainment", PEOPLE, Q2, null);
        assertEquals("bt.a", attainment.get(0).login());
        assertEquals(0, dec("50").compareTo(attainment.get(0).value()));
        attainment.subList(1, attainment.size()).forEach(r -> assertNull(r.value(), r.login()));
        List<KpiService.Ranked> visits = f.kpis.leaderboard("activities", PEOPLE, Q2, "visit");
        assertEquals(List.of(1, 1, 3, 3), visits.stream().map(KpiService.Ranked::rank).toList());
        List<KpiService.Ranked> timeliness = f.kpis.leaderboard("follow_up_timeliness", PEOPLE, Q2, null);
        assertEquals("bt.b", timeliness.get(0).login());
        assertEquals(0, dec("50").compareTo(timeliness.get(0).value()));
        List<KpiService.Ranked> hygiene = f.kpis.leaderboard("opportunity_hygiene", PEOPLE, Q2, null);
        assertEquals(List.of("bt.b", "bt.a"), hygiene.subList(0, 2).stream().map(KpiService.Ranked::login).toList());
        assertEquals(0, dec("100").compareTo(hygiene.get(0).value()));
        assertEquals(0, BigDecimal.ZERO.compareTo(hygiene.get(1).value()));
        assertEquals(0, dec("1000").compareTo(f.kpis.leaderboard("collected_revenue", PEOPLE, Q2, null).get(0).value()));
        // (4 + 5) / 2 = 4.5 for bt.a, 2 for bt.b; bt.c's activity is not rated
        List<KpiService.Ranked> satisfaction = f.kpis.leaderboard("customer_satisfaction", PEOPLE, Q2, null);
        assertEquals(List.of("bt.a", "bt.b"), satisfaction.subList(0, 2).stream().map(KpiService.Ranked::login).toList());
        assertEquals(0, dec("4.5").compareTo(satisfaction.get(0).value()));
        assertEquals(0, dec("2").compareTo(satisfaction.get(1).value()));
        satisfaction.subList(2, 4).forEach(r -> assertNull(r.value(), r.login()));
    }

    @Test
    void anAddOnKpiWithoutABatchMethodIsAskedPersonByPerson() {
        List<KpiService.Ranked> satisfaction = f.kpis.leaderboard("test_satisfaction", PEOPLE, Q2, null);
        assertEquals(PEOPLE, satisfaction.stream().map(KpiService.Ranked::login).toList(), "all equal: in login order");
        satisfaction.forEach(r -> assertEquals(0, dec("87.5").compareTo(r.value()), r.login()));
        satisfaction.forEach(r -> assertEquals(1, r.rank()));
        List<KpiService.Ranked> broken = f.kpis.leaderboard("test_broken", PEOPLE, Q2, null);
        assertEquals(PEOPLE.size(), broken.size());
        broken.forEach(r -> assertNull(r.value(), r.login()));
    }
}
