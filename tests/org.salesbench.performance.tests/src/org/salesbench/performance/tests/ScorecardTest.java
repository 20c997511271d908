package org.salesbench.performance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.performance.tests.PerfFixture.ADMIN;
import static org.salesbench.performance.tests.PerfFixture.MANAGER;
import static org.salesbench.performance.tests.PerfFixture.REP;
import static org.salesbench.performance.tests.PerfFixture.dec;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.ActivityType;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.scorecards.Curve;
import org.salesbench.performance.scorecards.ScoreSheet;
import org.salesbench.performance.scorecards.ScorecardTemplate;
import org.salesbench.performance.scorecards.TemplateStatus;

/** Scoring curves, the weights rule, publication before the period and read-only after, versions, and a score line by line. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardTest {

    private static final LocalDate H2_FROM = LocalDate.of(2026, 7, 1);
    private static final LocalDate H2_TO = LocalDate.of(2026, 12, 31);
    private PerfFixture f;

    @BeforeAll
    void open() {
        f = new PerfFixture();
        f.as(MANAGER);
    }

    @AfterAll
    void close() {
        f.close();
    }

    @Test
    void curvesScoreLinearCappedAndStepped() {
        // linear from a threshold of 50 (0 points) to a target of 150 (100 points)
        assertEquals(0, dec("50").compareTo(Curve.LINEAR.score(dec("100"), dec("50"), dec("150"), null, null)));
        assertEquals(0, dec("150").compareTo(Curve.LINEAR.score(dec("200"), dec("50"), dec("150"), null, null)), "linear goes beyond 100");
        assertEquals(0, BigDecimal.ZERO.compareTo(Curve.LINEAR.score(dec("10"), dec("50"), dec("150"), null, null)), "never below 0");
        assertEquals(0, dec("120").compareTo(Curve.CAPPED.score(dec("200"), null, dec("100"), dec("120"), null)));
        assertEquals(0, dec("90").compareTo(Curve.CAPPED.score(dec("90"), null, dec("100"), dec("120"), null)));
        String steps = "60=50;80=80;100=100";
        assertEquals(0, BigDecimal.ZERO.compareTo(Curve.STEPPED.score(dec("59.99"), null, null, null, steps)));
        assertEquals(0, dec("50").compareTo(Curve.STEPPED.score(dec("60"), null, null, null, steps)));
        assertEquals(0, dec("80").compareTo(Curve.STEPPED.score(dec("99"), null, null, null, steps)));
        assertEquals(0, dec("100").compareTo(Curve.STEPPED.score(dec("250"), null, null, null, steps)));
        assertEquals(0, BigDecimal.ZERO.compareTo(Curve.LINEAR.score(null, null, dec("100"), null, null)), "nothing measured scores 0");
        assertThrows(IllegalArgumentException.class, () -> Curve.parseSteps("80=80;60=50"));
    }

    private ScorecardTemplate draft(String name, LocalDate from, LocalDate to) {
        ScorecardTemplate t = new ScorecardTemplate(name, from, to);
        t.addLine("revenue_attainment", dec("60"), Curve.CAPPED, null, dec("100")).setCapAndSteps(dec("120"), null).setKpiTarget(dec("100000"));
        t.addLine("activities", dec("25"), Curve.LINEAR, null, dec("10")).setParameter("VISIT");
        t.addLine("test_satisfaction", dec("15"), Curve.STEPPED, null, null).setCapAndSteps(null, "60=50;80=80;90=100");
        return t;
    }

    @Test
    void weightsThatDoNotAddUpTo100AreRefusedWithEveryProblemNamed() {
        ScorecardTemplate t = new ScorecardTemplate("坏表", H2_FROM, H2_TO);
        t.addLine("won_revenue", dec("70"), Curve.LINEAR, null, dec("100000"));
        t.addLine("no_such_kpi", dec("20"), Curve.LINEAR, null, dec("10"));
        t.addLine("activities", dec("0"), Curve.STEPPED, null, null).setCapAndSteps(null, "garbage");
        t.addLine("new_customers", dec("5"), Curve.CAPPED, dec("10"), dec("5"));
        ValidationException e = assertThrows(ValidationException.class, () -> f.scorecards.save(t));
        assertTrue(e.errorOf("weights").message().contains("95"), e.getMessage());
        assertTrue(e.errorOf("lines[2].kpi").message().contains("no_such_kpi"), e.getMessage());
        assertNotNull(e.errorOf("lines[3].weight"), e.getMessage());
        assertTrue(e.errorOf("lines[3].steps").message().contains("garbage"), e.getMessage());
        assertNotNull(e.errorOf("lines[4].target"), e.getMessage());
        assertNotNull(e.errorOf("lines[4].cap"), e.getMessage());
        assertTrue(f.scorecards.templates().stream().noneMatch(x -> x.getName().equals("坏表")), "nothing written");
    }

    @Test
    void aPublishedTemplateIsReadOnlyAndANewHalfYearGetsANewVersion() {
        ScorecardTemplate saved = f.scorecards.save(draft("销售考核", H2_FROM, H2_TO));
        ScorecardTemplate published = f.scorecards.publish(saved.getId());
        assertEquals(TemplateStatus.PUBLISHED, published.getStatus());
        assertEquals(MANAGER, published.getPublishedBy());
        ScorecardTemplate edited = f.scorecards.template(saved.getId()).orElseThrow();
        edited.getLines().get(0).setWeight(dec("50"));
        edited.getLines().get(1).setWeight(dec("35"));
        ValidationException readOnly = assertThrows(ValidationException.class, () -> f.scorecards.save(edited));
        assertTrue(readOnly.getMessage().contains("销售考核"), readOnly.getMessage());
        assertEquals(0, dec("60").compareTo(f.scorecards.template(saved.getId()).orElseThrow().getLines().get(0).getWeight()));
        assertThrows(ValidationException.class, () -> f.scorecards.publish(saved.getId()));

        ValidationException overlapping = assertThrows(ValidationException.class,
                () -> f.scorecards.newVersion(saved.getId(), new Period(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 5, 31))));
        assertTrue(overlapping.getMessage().contains("2026-12-31"), overlapping.getMessage());
        ScorecardTemplate next = f.scorecards.newVersion(saved.getId(), Period.parse("2027-H1").orElseThrow());
        assertEquals(2, next.getRevision());
        assertEquals(TemplateStatus.DRAFT, next.getStatus());
        assertEquals(3, next.getLines().size());
        assertEquals("VISIT", next.getLines().get(1).getParameter());
        assertEquals(saved.getId(), next.getPreviousId());
    }

    @Test
    void aTemplateMustBePublishedBeforeItsPeriodAndOnlyByAManager() {
        ScorecardTemplate late = f.scorecards.save(draft("迟到的表", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)));
        ValidationException e = assertThrows(ValidationException.class, () -> f.scorecards.publish(late.getId()));
        assertTrue(e.getMessage().contains("2026-06-01"), e.getMessage());
        f.as(REP);
        try {
            assertThrows(AccessDeniedException.class, () -> f.scorecards.save(draft("自己的表", LocalDate.of(2027, 7, 1), LocalDate.of(2027, 12, 31))));
        } finally {
            f.as(MANAGER);
        }
    }

    @Test
    void everyoneSeesHowTheirScoreIsComputedLineByLineWithTheContributedKpi() {
        ScorecardTemplate t = f.scorecards.save(draft("说明表", LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31)));
        Period q1 = Period.parse("2028-Q1").orElseThrow();
        f.deal(REP, "130000", LocalDate.of(2028, 2, 1), null, null, null);
        for (int i = 0; i < 4; i++) {
            f.activity(REP, ActivityType.VISIT, LocalDate.of(2028, 3, 1 + i).atTime(10, 0));
        }
        f.as(REP);
        ScoreSheet sheet;
        try {
            sheet = f.scorecards.explain(t.getId(), REP, q1);
        } finally {
            f.as(MANAGER);
        }
        assertEquals(3, sheet.lines().size());
        ScoreSheet.Line revenue = sheet.lines().get(0);
        // 130000 / target 100000 = 130 %, capped at 120 points, × 60 % = 72
        assertEquals(0, dec("130").compareTo(revenue.rawValue()));
        assertEquals(0, dec("120").compareTo(revenue.score()));
        assertEquals(0, dec("72").compareTo(revenue.weighted()));
        assertTrue(!revenue.label().isBlank() && !revenue.definition().isBlank());
        // 4 visits of 10 = 40 points × 25 % = 10
        assertEquals(0, dec("10").compareTo(sheet.lines().get(1).weighted()));
        // satisfaction 87.5 reaches the 80 step: 80 points × 15 % = 12
        ScoreSheet.Line satisfaction = sheet.lines().get(2);
        assertEquals("test_satisfaction", satisfaction.kpiId());
        assertEquals(0, dec("12").compareTo(satisfaction.weighted()));
        assertEquals(0, dec("94").compareTo(sheet.total()));
        f.as(ADMIN);
        f.as(MANAGER);
    }

    @Test
    void aTeamIsScoredAsItsMembersTogetherAgainstTheTeamsTarget() {
        Period q1 = Period.parse("2022-Q1").orElseThrow();
        f.deal(REP, "30000", LocalDate.of(2022, 2, 1), null, null, null);
        f.deal(PerfFixture.REP2, "10000", LocalDate.of(2022, 3, 31), null, null, null);
        f.deal("not.in.team", "99999", LocalDate.of(2022, 2, 2), null, null, null);
        long east = f.users.teams().stream().filter(t -> t.getName().equals("华东")).findFirst().orElseThrow().getId();
        f.as(ADMIN);
        try {
            f.targets.create("won_revenue", org.salesbench.performance.targets.Subject.team(east),
                    org.salesbench.performance.targets.TargetPeriod.quarter(2022, 1), dec("80000"), "一季度团队目标");
        } finally {
            f.as(MANAGER);
        }
        ScorecardTemplate t = new ScorecardTemplate("团队考核", q1.from(), q1.to());
        t.addLine("revenue_attainment", dec("70"), Curve.LINEAR, null, dec("100")); // against the team's published target
        t.addLine("won_revenue", dec("30"), Curve.CAPPED, null, dec("50000")).setCapAndSteps(dec("100"), null);
        ScorecardTemplate saved = f.scorecards.save(t);
        ScoreSheet sheet = f.scorecards.explainTeam(saved.getId(), east, q1);
        assertEquals("team:" + east, sheet.login());
        // (30000 + 10000) × 100 / 80000 = 50 % → 50 points × 70 % = 35; 40000 of 50000 → 80 points × 30 % = 24
        assertEquals(0, dec("80000").compareTo(sheet.lines().get(0).kpiTarget()));
        assertEquals(0, dec("50").compareTo(sheet.lines().get(0).rawValue()));
        assertEquals(0, dec("40000").compareTo(sheet.lines().get(1).rawValue()));
        assertEquals(0, dec("59").compareTo(sheet.total()), sheet.toString());
        ValidationException empty = assertThrows(ValidationException.class, () -> f.scorecards.explainTeam(saved.getId(), 987654L, q1));
        assertTrue(empty.getMessage().contains("987654"), empty.getMessage());
    }
}
