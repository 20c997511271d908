package org.salesbench.performance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.salesbench.performance.tests.PerfFixture.MANAGER;
import static org.salesbench.performance.tests.PerfFixture.REP;
import static org.salesbench.performance.tests.PerfFixture.REP2;
import static org.salesbench.performance.tests.PerfFixture.dec;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.customers.ActivityType;
import org.salesbench.performance.kpi.KpiDefinition;
import org.salesbench.performance.kpi.KpiUnit;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.scorecards.Curve;
import org.salesbench.performance.scorecards.ScoreSheet;
import org.salesbench.performance.scorecards.ScorecardTemplate;

/**
 * Customer satisfaction: the mean of the customers' 1-5 ratings of the activities each person performed in the period,
 * worked out by hand on Derby; unrated activities and other periods do not count; nobody rated, nothing measured.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerSatisfactionKpiTest {

    private static final Period Q3 = Period.parse("2024-Q3").orElseThrow();
    private PerfFixture f;

    @BeforeAll
    void open() {
        f = new PerfFixture();
        f.activity(REP, ActivityType.VISIT, LocalDate.of(2024, 7, 1).atTime(0, 0), 5); // the quarter's first moment
        f.activity(REP, ActivityType.CALL, LocalDate.of(2024, 8, 15).atTime(16, 0), 4);
        f.activity(REP, ActivityType.MEETING, LocalDate.of(2024, 9, 30).atTime(23, 59), 4); // the quarter's last minute
        f.activity(REP, ActivityType.CALL, LocalDate.of(2024, 9, 2).atTime(10, 0), null); // not rated: not counted
        f.activity(REP, ActivityType.VISIT, LocalDate.of(2024, 10, 1).atTime(0, 0), 1); // the next quarter
        f.activity(REP, ActivityType.VISIT, LocalDate.of(2024, 6, 30).atTime(23, 59), 1); // the one before
        f.activity(REP2, ActivityType.VISIT, LocalDate.of(2024, 7, 20).atTime(9, 0), 2);
        f.activity(MANAGER, ActivityType.NOTE, LocalDate.of(2024, 7, 20).atTime(9, 0), null);
    }

    @AfterAll
    void close() {
        f.close();
    }

    @Test
    void theMeanOfThePersonsRatedActivitiesInThePeriod() {
        KpiDefinition csat = f.kpis.kpi("customer_satisfaction").orElseThrow();
        assertEquals(KpiUnit.RATING, csat.unit());
        assertEquals("Customer satisfaction", csat.label());
        // (5 + 4 + 4) / 3 = 4.3333
        assertEquals(0, dec("4.3333").compareTo(f.kpis.value("customer_satisfaction", List.of(REP), Q3, null, null)));
        assertEquals(0, dec("2").compareTo(f.kpis.value("customer_satisfaction", List.of(REP2), Q3, null, null)));
        // together: (5 + 4 + 4 + 2) / 4 = 3.75, not the mean of the two means
        assertEquals(0, dec("3.75").compareTo(f.kpis.value("customer_satisfaction", List.of(REP, REP2), Q3, null, null)));
        assertNull(f.kpis.value("customer_satisfaction", List.of(MANAGER), Q3, null, null), "an unrated note measures nothing");
        assertEquals(0, dec("1").compareTo(f.kpis.value("customer_satisfaction", List.of(REP), Period.parse("2024-10").orElseThrow(), null, null)));
    }

    @Test
    void aScorecardLineScoresIt() {
        ScorecardTemplate t = new ScorecardTemplate("满意度考核", Q3.from(), Q3.to());
        t.addLine("won_revenue", dec("80"), Curve.LINEAR, null, dec("100000"));
        t.addLine("customer_satisfaction", dec("20"), Curve.STEPPED, null, null).setCapAndSteps(null, "3=60;4=80;4.5=100");
        f.as(MANAGER);
        try {
            ScorecardTemplate saved = f.scorecards.save(t);
            ScoreSheet sheet = f.scorecards.explain(saved.getId(), REP, Q3);
            // 4.3333 reaches the 4 step: 80 points × 20 % = 16
            assertEquals(0, dec("16").compareTo(sheet.lines().get(1).weighted()), sheet.toString());
        } finally {
            f.as(PerfFixture.ADMIN);
        }
    }
}
