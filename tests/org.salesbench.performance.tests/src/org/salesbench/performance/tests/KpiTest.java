package org.salesbench.performance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.performance.tests.PerfFixture.MANAGER;
import static org.salesbench.performance.tests.PerfFixture.REP;
import static org.salesbench.performance.tests.PerfFixture.REP2;
import static org.salesbench.performance.tests.PerfFixture.dec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.ActivityType;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.performance.kpi.KpiDefinition;
import org.salesbench.performance.kpi.KpiService;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.TargetPeriod;

/** Each built-in KPI against data whose value is worked out by hand, the contributed ones, ratings and a leaderboard. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiTest {

    private static final Period Q3 = Period.parse("2026-Q3").orElseThrow();
    private PerfFixture f;

    @BeforeAll
    void open() {
        f = new PerfFixture();
    }

    @AfterAll
    void close() {
        f.close();
    }

    private BigDecimal value(String kpi, String login, Period period, String parameter, BigDecimal target) {
        return f.kpis.value(kpi, List.of(login), period, parameter, target);
    }

    @Test
    void revenueAttainmentAndWonRevenueCountTheDealsWonInThePeriod() {
        String rep = "rev.rep";
        f.deal(rep, "30000", LocalDate.of(2026, 7, 1), null, null, null);
        f.deal(rep, "45000.50", LocalDate.of(2026, 9, 30), null, null, null);
        f.deal(rep, "99999", LocalDate.of(2026, 10, 1), null, null, null); // Q4: not counted
        f.deal(rep, "88888", null, LocalDate.of(2026, 8, 1), null, null); // open: not counted
        assertEquals(0, dec("75000.50").compareTo(value("won_revenue", rep, Q3, null, null)));
        // 75000.50 × 100 / 100000 = 75.0005 %
        assertEquals(0, dec("75.0005").compareTo(value("revenue_attainment", rep, Q3, null, dec("100000"))));
        assertNull(value("revenue_attainment", rep, Q3, null, null), "no target, no attainment");
    }

    @Test
    void revenueAttainmentWithoutATargetOfItsOwnIsMeasuredAgainstThePublishedTarget() {
        Period h1 = Period.parse("2024-H1").orElseThrow();
        f.deal(REP, "30000", LocalDate.of(2024, 2, 10), null, null, null);
        f.deal(REP2, "10000", LocalDate.of(2024, 5, 20), null, null, null);
        f.targets.create("won_revenue", Subject.person(REP), TargetPeriod.half(2024, 1), dec("40000"), "上半年目标");
        long east = f.users.teams().stream().filter(t -> t.getName().equals("华东")).findFirst().orElseThrow().getId();
        f.targets.create("won_revenue", Subject.team(east), TargetPeriod.half(2024, 1), dec("80000"), "华东上半年目标");
        // 30000 × 100 / 40000 = 75 %
        assertEquals(0, dec("75").compareTo(value("revenue_attainment", REP, h1, null, null)));
        // the line's own target still overrides: 30000 × 100 / 60000 = 50 %
        assertEquals(0, dec("50").compareTo(value("revenue_attainment", REP, h1, null, dec("60000"))));
        // the team against the team's target: (30000 + 10000) × 100 / 80000 = 50 %
        assertEquals(0, dec("50").compareTo(f.kpis.teamValue("revenue_attainment", "华东", h1, null, null)));
        // zhou.jie has no target of his own, and 2024-Q1 is not the period the target was set for
        assertNull(value("revenue_attainment", REP2, h1, null, null));
        assertNull(value("revenue_attainment", REP, Period.parse("2024-Q1").orElseThrow(), null, null));
        List<KpiService.Ranked> board = f.kpis.leaderboard("revenue_attainment", List.of(REP, REP2), h1, null);
        assertEquals(List.of(REP, REP2), board.stream().map(KpiService.Ranked::login).toList());
        assertEquals(0, dec("75").compareTo(board.get(0).value()));
        assertNull(board.get(1).value());
    }

    @Test
    void collectedRevenueIsReceiptsLessReversalsInThePeriod() {
        String rep = "coll.rep";
        Opportunity deal = f.deal(rep, "50000", LocalDate.of(2026, 6, 1), null, null, null);
        Contract contract = f.contract(rep, deal);
        f.receipt(contract, "20000", LocalDate.of(2026, 7, 10));
        Receipt second = f.receipt(contract, "15000", LocalDate.of(2026, 8, 10));
        f.receipt(contract, "5000", LocalDate.of(2026, 10, 2)); // Q4
        f.reverse(second, LocalDate.of(2026, 9, 1));
        assertEquals(0, dec("20000").compareTo(value("collected_revenue", rep, Q3, null, null)));
    }

    @Test
    void activitiesCountThePerformersOfTheTypeAsked() {
        String rep = "act.rep";
        f.activity(rep, ActivityType.VISIT, LocalDate.of(2026, 7, 1).atTime(9, 0));
        f.activity(rep, ActivityType.VISIT, LocalDate.of(2026, 9, 30).atTime(23, 59));
        f.activity(rep, ActivityType.CALL, LocalDate.of(2026, 8, 1).atTime(10, 0));
        f.activity(rep, ActivityType.VISIT, LocalDate.of(2026, 10, 1).atTime(0, 0)); // Q4
        assertEquals(2, value("activities", rep, Q3, "VISIT", null).intValue());
        assertEquals(3, value("activities", rep, Q3, null, null).intValue());
        assertEquals(0, value("activities", rep, Q3, "meeting", null).intValue());
    }

    @Test
    void followUpTimelinessIsTheShareOfTasksDoneByTheirDueTime() {
        String rep = "task.rep";
        LocalDate due = LocalDate.of(2026, 8, 10);
        f.task(rep, due, due.atTime(11, 0), false); // on time
        f.task(rep, due, due.atTime(12, 0), false); // exactly at the due time: on time
        f.task(rep, due, due.plusDays(1).atTime(9, 0), false); // late
        f.task(rep, due, null, false); // not done
        f.task(rep, due, null, true); // cancelled: left out
        f.task(rep, LocalDate.of(2026, 10, 5), null, false); // Q4
        assertEquals(0, dec("50").compareTo(value("follow_up_timeliness", rep, Q3, null, null)));
        assertNull(value("follow_up_timeliness", "nobody.here", Q3, null, null), "no task, nothing to measure");
    }

    @Test
    void opportunityHygieneIsTheShareOfOpenDealsNotOverdueAtThePeriodsEnd() {
        String rep = "hyg.rep";
        f.deal(rep, "1000", null, LocalDate.of(2026, 9, 29), null, null); // overdue at 09-30
        f.deal(rep, "1000", null, LocalDate.of(2026, 9, 30), null, null);
        f.deal(rep, "1000", null, LocalDate.of(2026, 11, 1), null, null);
        f.deal(rep, "1000", null, null, null, null);
        f.deal(rep, "1000", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 1, 1), null, null); // won: not open
        assertEquals(0, dec("75").compareTo(value("opportunity_hygiene", rep, Q3, null, null)));
    }

    @Test
    void newCustomersAreThoseCreatedInThePeriod() {
        String rep = "new.rep";
        f.customer(rep);
        f.customer(rep);
        YearMonth now = YearMonth.now(Clocks.system()); // the clock that stamps CREATED_AT, shifted in some CI runs
        Period thisMonth = new Period(now.atDay(1), now.atEndOfMonth());
        Period lastYear = new Period(now.atDay(1).minusYears(1), now.atEndOfMonth().minusYears(1));
        assertEquals(2, value("new_customers", rep, thisMonth, null, null).intValue());
        assertEquals(0, value("new_customers", rep, lastYear, null, null).intValue());
    }

    @Test
    void teamworkIsTheMeanOfTheManagersRatingsAndBadRatingsAreRefused() {
        f.as(MANAGER);
        try {
            f.kpis.rate(REP, Period.parse("2026-07").orElseThrow(), dec("80"), "帮助新人");
            f.kpis.rate(REP, Period.parse("2026-08").orElseThrow(), dec("90"), "跨组协作");
            f.kpis.rate(REP, Period.parse("2026-08").orElseThrow(), dec("95"), "改评"); // replaces the August rating
            assertEquals(0, dec("87.5").compareTo(value("teamwork", REP, Q3, null, null)));
            ValidationException bad = assertThrows(ValidationException.class,
                    () -> f.kpis.rate(REP2, Period.parse("2026-07").orElseThrow(), dec("120"), ""));
            assertTrue(bad.errorOf("rating").message().contains("120"), bad.getMessage());
            assertTrue(bad.errorOf("reason") != null, bad.getMessage());
            assertThrows(ValidationException.class, () -> f.kpis.rate(MANAGER, Q3, dec("50"), "自评"));
            assertThrows(ValidationException.class, () -> f.kpis.rate("ghost", Q3, dec("50"), "?"));
            assertNull(value("teamwork", REP2, Q3, null, null));
        } finally {
            f.as(PerfFixture.ADMIN);
        }
    }

    @Test
    void theContributedKpisAreListedInOrderAndABrokenOneMeasuresNothing() {
        List<String> ids = f.kpis.kpis().stream().map(KpiDefinition::id).toList();
        assertEquals(List.of("revenue_attainment", "won_revenue", "collected_revenue", "new_customers", "activities", "follow_up_timeliness",
                "opportunity_hygiene", "customer_satisfaction", "teamwork", "test_satisfaction", "test_broken"), ids, "the element without an id is skipped");
        KpiDefinition satisfaction = f.kpis.kpi("test_satisfaction").orElseThrow();
        assertEquals("Customer satisfaction (test)", satisfaction.label());
        assertEquals(0, dec("87.5").compareTo(value("test_satisfaction", REP, Q3, null, null)));
        assertNull(value("test_broken", REP, Q3, null, null));
        ValidationException unknown = assertThrows(ValidationException.class, () -> value("nope", REP, Q3, null, null));
        assertTrue(unknown.getMessage().contains("nope"));
        assertFalse(f.kpis.kpi("revenue_attainment").orElseThrow().label().startsWith("%"), "labels are translated");
    }

    @Test
    void aLeaderboardRanksByValueWithTiesSharingARank() {
        f.deal("lb.a", "500", LocalDate.of(2026, 8, 1), null, null, null);
        f.deal("lb.b", "900", LocalDate.of(2026, 8, 2), null, null, null);
        f.deal("lb.c", "500", LocalDate.of(2026, 8, 3), null, null, null);
        List<KpiService.Ranked> board = f.kpis.leaderboard("won_revenue", List.of("lb.a", "lb.b", "lb.c", "lb.d"), Q3, null);
        assertEquals(List.of("lb.b", "lb.a", "lb.c", "lb.d"), board.stream().map(KpiService.Ranked::login).toList());
        assertEquals(List.of(1, 2, 2, 4), board.stream().map(KpiService.Ranked::rank).toList());
        assertEquals(0, BigDecimal.ZERO.compareTo(board.get(3).value()));
    }

    @Test
    void aTeamIsMeasuredAsItsMembersTogether() {
        Period q1 = Period.parse("2025-Q1").orElseThrow();
        f.deal(REP, "1000.10", LocalDate.of(2025, 1, 5), null, null, null);
        f.deal(REP2, "2000.20", LocalDate.of(2025, 3, 31), null, null, null);
        f.deal("not.in.team", "5000", LocalDate.of(2025, 2, 1), null, null, null);
        assertEquals(0, dec("3000.30").compareTo(f.kpis.teamValue("won_revenue", "华东", q1, null, null)));
        ValidationException none = assertThrows(ValidationException.class, () -> f.kpis.teamValue("won_revenue", "华南", q1, null, null));
        assertTrue(none.getMessage().contains("华南"), none.getMessage());
    }
}
