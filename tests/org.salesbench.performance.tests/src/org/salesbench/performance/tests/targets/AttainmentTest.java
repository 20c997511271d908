package org.salesbench.performance.tests.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.performance.tests.targets.TargetFixture.CHEN;
import static org.salesbench.performance.tests.targets.TargetFixture.LI;
import static org.salesbench.performance.tests.targets.TargetFixture.SUN;
import static org.salesbench.performance.tests.targets.TargetFixture.TODAY;
import static org.salesbench.performance.tests.targets.TargetFixture.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.performance.targets.Attainment;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.SubjectKind;
import org.salesbench.performance.targets.TargetPeriod;

/**
 * Attainment against figures worked out by hand. Today is 30 June 2026: 181 of the year's 365 days have passed.
 * Won in 2026 up to today: li.na 300,000 (10 Feb) + 62,000 (30 Jun); chen.jie 181,000 (1 Mar); sun.li 90,500 (5 May).
 * Not counted: li.na's deal won on 1 July (after today), an open deal, and 2025's deals.
 */
class AttainmentTest {

    private static final String WON = "won_revenue";
    private static final TargetPeriod Y2026 = TargetPeriod.year(2026);

    private static TargetFixture f;
    private static Locale locale;

    @BeforeAll
    static void data() {
        locale = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        f = new TargetFixture();
        f.won(LI, "300000", LocalDate.of(2026, 2, 10));
        f.won(LI, "62000", TODAY);
        f.won(LI, "50000", TODAY.plusDays(1));
        f.won(LI, "777777", LocalDate.of(2025, 12, 31));
        f.won(CHEN, "181000", LocalDate.of(2026, 3, 1));
        f.won(SUN, "90500", LocalDate.of(2026, 5, 5));
        f.open(LI, "400000");
        f.targets.create(WON, Subject.person(LI), Y2026, money("1000000"), "plan");
        f.targets.create(WON, Subject.person(CHEN), Y2026, money("500000"), "plan");
        f.targets.create(WON, Subject.team(f.east), Y2026, money("1500000"), "plan");
        f.targets.create(WON, Subject.company(), Y2026, money("2000000"), "plan");
        f.targets.create("won_count", Subject.person(LI), Y2026, money("4"), "plan");
    }

    @AfterAll
    static void close() {
        f.close();
        Locale.setDefault(locale);
    }

    private static void same(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " expected, was " + actual);
    }

    @Test
    void aPersonsAttainmentRunRateAndProjectionAreAsWorkedOutByHand() {
        Attainment li = f.attainment.attainment(WON, Subject.person(LI), Y2026);
        assertEquals(TODAY, li.asOf());
        assertEquals(181, li.elapsedDays());
        assertEquals(365, li.periodDays());
        same("362000", li.actual());
        same("1000000", li.target());
        same("36.20", li.percent());
        same("2000.0000", li.runRate()); // 362,000 / 181 days
        same("730000.00", li.projection()); // 2,000 × 365
        same("638000", li.remaining());
        same("3467.39", li.neededPerDay()); // 638,000 / 184 days left
    }

    @Test
    void aTeamsAndTheCompanysAttainmentAddUpTheirPeople() {
        Attainment east = f.attainment.attainment(WON, Subject.team(f.east), Y2026);
        same("543000", east.actual());
        same("36.20", east.percent());
        Attainment company = f.attainment.attainment(WON, Subject.company(), Y2026);
        same("633500", company.actual());
        same("31.68", company.percent()); // 633,500 × 100 / 2,000,000 = 31.675
    }

    @Test
    void countsAndPeriodsWorkAlike() {
        Attainment count = f.attainment.attainment("won_count", Subject.person(LI), Y2026);
        same("2", count.actual());
        same("50.00", count.percent());
        // the first half is over: the projection is what was won
        Attainment h1 = f.attainment.attainment(WON, Subject.person(LI), TargetPeriod.half(2026, 1));
        same("362000", h1.actual());
        same("362000", h1.projection());
        assertNull(h1.target());
        assertNull(h1.percent());
        assertNull(h1.neededPerDay());
        // the third quarter has not begun
        Attainment q3 = f.attainment.attainment(WON, Subject.person(LI), TargetPeriod.quarter(2026, 3));
        same("0", q3.actual());
        same("0", q3.projection());
        assertEquals(0, q3.elapsedDays());
        // as of a day in the past
        Attainment march = f.attainment.attainment(WON, Subject.person(LI), Y2026, LocalDate.of(2026, 3, 31));
        same("300000", march.actual());
        assertEquals(90, march.elapsedDays());
    }

    @Test
    void everyonesAttainmentComesFromOneReportRunWithTheirTargets() {
        List<Attainment> people = f.attainment.attainments(WON, Y2026, SubjectKind.PERSON, TODAY);
        assertEquals(List.of(Subject.person(CHEN), Subject.person(LI), Subject.person(SUN)), people.stream().map(Attainment::subject).toList());
        same("181000", people.get(0).actual());
        same("36.20", people.get(0).percent());
        same("362000", people.get(1).actual());
        same("90500", people.get(2).actual());
        assertNull(people.get(2).target(), "sun.li has no target");
        List<Attainment> teams = f.attainment.attainments(WON, Y2026, SubjectKind.TEAM, TODAY);
        assertEquals(List.of(Subject.team(f.east), Subject.team(f.north)), teams.stream().map(Attainment::subject).toList());
        same("543000", teams.get(0).actual());
        same("90500", teams.get(1).actual());
    }

    @Test
    void aMetricThatIsNoSumOrThatNoReportShowsByOwnerIsRefused() {
        ValidationException ratio = assertThrows(ValidationException.class, () -> f.attainment.attainment("win_rate", Subject.company(), Y2026));
        assertTrue(ratio.errorOf("metric").message().contains("ratio or an average"), ratio.getMessage());
        ValidationException unmeasured = assertThrows(ValidationException.class,
                () -> f.attainment.attainment("customer_count", Subject.company(), Y2026));
        assertTrue(unmeasured.errorOf("metric").message().contains("no report shows \"customer_count\" by owner"), unmeasured.getMessage());
    }

    @Test
    void theAttainmentReportShowsTargetActualAndProjectionPerOwnerAndTeam() {
        // 2025 is over: the figures do not depend on the day the test runs
        f.targets.create(WON, Subject.person(LI), TargetPeriod.year(2025), money("1000000"), "last year's plan");
        ReportResult byOwner = f.reports.run("attainment", new ReportFilter(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null, null, null, "owner"));
        assertEquals(List.of("owner", "target", "actual", "attainment", "run_rate", "projection", "remaining"),
                byOwner.columns().stream().map(c -> c.id()).toList());
        assertEquals(1, byOwner.rows().size());
        assertEquals("李娜", byOwner.rows().get(0).value(0));
        assertEquals(LI, byOwner.rows().get(0).drillKey());
        same("1000000", (BigDecimal) byOwner.rows().get(0).value(1));
        same("777777", (BigDecimal) byOwner.rows().get(0).value(2));
        same("77.78", (BigDecimal) byOwner.rows().get(0).value(3));
        same("777777", (BigDecimal) byOwner.rows().get(0).value(5));
        same("222223", (BigDecimal) byOwner.rows().get(0).value(6));

        ReportResult byTeam = f.reports.run("attainment", new ReportFilter(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null, null, null, "team"));
        assertEquals(1, byTeam.rows().size());
        assertEquals("华东", byTeam.rows().get(0).value(0));
        assertNull(byTeam.rows().get(0).value(1), "the team had no 2025 target");

        ValidationException notAPeriod = assertThrows(ValidationException.class,
                () -> f.reports.run("attainment", new ReportFilter(LocalDate.of(2025, 1, 5), LocalDate.of(2025, 2, 5), null, null, null, "owner")));
        assertTrue(notAPeriod.errorOf("from").message().contains("is not a year, half, quarter or month"), notAPeriod.getMessage());
    }
}
