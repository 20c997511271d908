package org.salesbench.performance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.ActivityType;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.scorecards.Assessment;
import org.salesbench.performance.scorecards.Award;
import org.salesbench.performance.scorecards.AwardSource;
import org.salesbench.performance.scorecards.Curve;
import org.salesbench.performance.scorecards.Response;
import org.salesbench.performance.scorecards.ScoreSheet;
import org.salesbench.performance.scorecards.ScorecardTemplate;

/** An assessment run freezes the figures; adjustments carry a reason; the person confirms or appeals their own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentTest {

    private static final Period H2 = Period.parse("2026-H2").orElseThrow();
    private PerfFixture f;
    private ScorecardTemplate template;

    @BeforeAll
    void open() {
        f = new PerfFixture();
        f.as(MANAGER);
        ScorecardTemplate t = new ScorecardTemplate("下半年考核", H2.from(), H2.to());
        t.addLine("revenue_attainment", dec("70"), Curve.LINEAR, null, dec("100")).setKpiTarget(dec("200000"));
        t.addLine("activities", dec("30"), Curve.STEPPED, null, null).setCapAndSteps(null, "2=50;4=100").setParameter("VISIT");
        template = f.scorecards.publish(f.scorecards.save(t).getId());
    }

    @AfterAll
    void close() {
        f.close();
    }

    @Test
    void aClosedAssessmentStaysFrozenWhenTheDataChangesLater() {
        Opportunity deal = f.deal(REP, "150000", LocalDate.of(2026, 9, 1), null, null, null);
        f.activity(REP, ActivityType.VISIT, LocalDate.of(2026, 8, 1).atTime(9, 0));
        f.activity(REP, ActivityType.VISIT, LocalDate.of(2026, 8, 2).atTime(9, 0));
        List<Assessment> run = f.scorecards.runAssessments(template.getId(), H2, List.of(REP));
        Assessment a = run.get(0);
        // 150000 / 200000 = 75 % → 75 points × 70 % = 52.5; 2 visits → 50 points × 30 % = 15
        assertEquals(0, dec("67.5").compareTo(a.getComputedScore()));
        assertEquals(0, dec("67.5").compareTo(a.getFinalScore()));

        // later: another deal won in the period, more visits, the first deal reopened
        f.deal(REP, "100000", LocalDate.of(2026, 10, 1), null, null, null);
        f.activity(REP, ActivityType.VISIT, LocalDate.of(2026, 8, 3).atTime(9, 0));
        f.activity(REP, ActivityType.VISIT, LocalDate.of(2026, 8, 4).atTime(9, 0));
        f.reopen(deal.getId());

        ScoreSheet frozen = f.scorecards.sheet(a.getId());
        assertTrue(frozen.frozen());
        assertEquals(0, dec("67.5").compareTo(frozen.total()));
        assertEquals(0, dec("75").compareTo(frozen.lines().get(0).rawValue()));
        assertEquals(0, dec("200000").compareTo(frozen.lines().get(0).kpiTarget()));
        assertEquals(0, dec("2").compareTo(frozen.lines().get(1).rawValue()));
        assertEquals(Curve.STEPPED, frozen.lines().get(1).curve());
        // the live figures have moved: 100000 / 200000 = 50 % → 35; 4 visits → 100 × 30 % = 30
        assertEquals(0, dec("65").compareTo(f.scorecards.explain(template.getId(), REP, H2).total()));
        ValidationException again = assertThrows(ValidationException.class, () -> f.scorecards.runAssessments(template.getId(), H2, List.of(REP)));
        assertTrue(again.getMessage().contains(REP), again.getMessage());
        assertEquals(0, dec("67.5").compareTo(f.scorecards.assessment(a.getId()).orElseThrow().getComputedScore()));
    }

    @Test
    void aManagerAdjustsWithAReasonAndThePersonConfirmsOrAppealsTheirOwn() {
        Assessment a = f.scorecards.runAssessments(template.getId(), H2, List.of(REP2)).get(0);
        assertEquals(0, a.getComputedScore().signum(), "nothing done, nothing scored");
        assertThrows(ValidationException.class, () -> f.scorecards.adjust(a.getId(), dec("5"), " "));
        Assessment adjusted = f.scorecards.adjust(a.getId(), dec("5"), "客户满意度高（客户来信表扬）");
        assertEquals(0, dec("5").compareTo(adjusted.getFinalScore()));
        assertEquals(MANAGER, adjusted.getAdjustedBy());
        assertEquals("客户满意度高（客户来信表扬）", f.scorecards.sheet(a.getId()).adjustmentReason());

        ValidationException notMine = assertThrows(ValidationException.class, () -> f.scorecards.confirm(a.getId()));
        assertTrue(notMine.getMessage().contains(REP2), notMine.getMessage());
        f.as(REP2);
        try {
            assertThrows(ValidationException.class, () -> f.scorecards.appeal(a.getId(), ""));
            Assessment appealed = f.scorecards.appeal(a.getId(), "八月的拜访没有计入");
            assertEquals(Response.APPEALED, appealed.getResponse());
            assertThrows(ValidationException.class, () -> f.scorecards.confirm(a.getId()));
        } finally {
            f.as(MANAGER);
        }
        // a new adjustment asks the person again
        f.scorecards.adjust(a.getId(), dec("8"), "复核后补计两次拜访");
        f.as(REP2);
        try {
            assertEquals(Response.CONFIRMED, f.scorecards.confirm(a.getId()).getResponse());
        } finally {
            f.as(MANAGER);
        }
    }

    @Test
    void anAssessmentNeedsAPublishedTemplateAndAPeriodInsideIt() {
        ScorecardTemplate draft = new ScorecardTemplate("草稿", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30));
        draft.addLine("won_revenue", dec("100"), Curve.LINEAR, null, dec("1000"));
        long draftId = f.scorecards.save(draft).getId();
        assertThrows(ValidationException.class, () -> f.scorecards.runAssessments(draftId, Period.parse("2027-Q1").orElseThrow(), List.of(REP)));
        ValidationException outside = assertThrows(ValidationException.class,
                () -> f.scorecards.runAssessments(template.getId(), Period.parse("2027-Q1").orElseThrow(), List.of(REP)));
        assertTrue(outside.getMessage().contains("2027-01-01"), outside.getMessage());
    }

    @Test
    void awardsGoToTheTopOfTheRankingOrToAManagersChoice() {
        for (int i = 0; i < 4; i++) {
            f.activity("aw.a", ActivityType.VISIT, LocalDate.of(2026, 9, 1 + i).atTime(9, 0));
        }
        f.activity("aw.b", ActivityType.VISIT, LocalDate.of(2026, 9, 1).atTime(9, 0));
        f.activity("aw.b", ActivityType.VISIT, LocalDate.of(2026, 9, 2).atTime(9, 0));
        f.scorecards.runAssessments(template.getId(), H2, List.of("aw.a", "aw.b"));
        List<Award> byRank = f.scorecards.awardByRank("best_service", template.getId(), H2, "activities");
        assertEquals(List.of("aw.a"), byRank.stream().map(Award::getLogin).toList());
        assertEquals(0, dec("100").compareTo(byRank.get(0).getScore()));
        ValidationException nobody = assertThrows(ValidationException.class,
                () -> f.scorecards.awardByRank("best_teamwork", template.getId(), H2, "teamwork"));
        assertTrue(nobody.getMessage().contains("best_teamwork"), nobody.getMessage());
        assertThrows(ValidationException.class, () -> f.scorecards.award("best_teamwork", H2, REP2, " "));
        Award chosen = f.scorecards.award("best_teamwork", H2, REP2, "主动支援华南项目");
        assertEquals(AwardSource.MANAGER, chosen.getSource());
        assertEquals(List.of("best_service/aw.a", "best_teamwork/" + REP2),
                f.scorecards.awards(H2).stream().map(w -> w.getAward() + "/" + w.getLogin()).toList());
    }
}
