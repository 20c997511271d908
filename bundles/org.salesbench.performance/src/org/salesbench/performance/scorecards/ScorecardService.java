package org.salesbench.performance.scorecards;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.salesbench.performance.kpi.Period;

/**
 * Scorecard templates, their publication and versions, scores line by line, and the assessments that freeze them.
 * Bad input is refused with a {@link org.salesbench.core.validation.ValidationException} naming the field and line;
 * nothing is written then.
 */
public interface ScorecardService {

    /** Saves a draft (new or changed): name, period, known KPIs, weights above 0 adding up to 100 %, curves' figures. */
    ScorecardTemplate save(ScorecardTemplate draft);

    /** Publishes a valid draft before its period begins; it is read-only afterwards. */
    ScorecardTemplate publish(long templateId);

    /** A draft copy of a template's lines for a period after it (the next half-year's version). */
    ScorecardTemplate newVersion(long templateId, Period next);

    Optional<ScorecardTemplate> template(long templateId);

    List<ScorecardTemplate> templates();

    /** The published template in force on the period's first day, if any. */
    Optional<ScorecardTemplate> publishedFor(Period period);

    /** The person's score as the figures give it now, line by line (no assessment written). */
    ScoreSheet explain(long templateId, String login, Period period);

    /**
     * A team's score as the figures give it now, line by line: every KPI measured for the team's members together (the
     * team's aggregate), revenue attainment against the team's published won revenue target unless the line has its
     * own. The sheet's {@code login} is the team as a subject ({@code team:ID}). Refused for a team without members,
     * and unless the current user may read every member's assessment (checked per member as {@link #explain} checks one).
     */
    ScoreSheet explainTeam(long templateId, long teamId, Period period);

    /**
     * Assesses each person for the period against a published template and freezes the figures; refused for a
     * person already assessed with it for that period.
     */
    List<Assessment> runAssessments(long templateId, Period period, List<String> logins);

    /** A manager's adjustment (added to the computed score) with the reason, recorded with who made it. */
    Assessment adjust(long assessmentId, BigDecimal delta, String reason);

    /** The assessed person confirms their assessment. */
    Assessment confirm(long assessmentId);

    /** The assessed person appeals, saying why. */
    Assessment appeal(long assessmentId, String note);

    Optional<Assessment> assessment(long assessmentId);

    /** The assessments the current user may read for a period, best final score first. */
    List<Assessment> assessments(Period period);

    /** A closed assessment line by line, as frozen. */
    ScoreSheet sheet(long assessmentId);

    /**
     * Gives {@code award} for the period to whoever ranks first among the template's closed assessments of the period,
     * by the KPI line's score ({@code kpiId}) or by the final score ({@code kpiId} null); people tied at the top all
     * win. Refused when there is no assessment to rank or the top score is 0.
     */
    List<Award> awardByRank(String award, long templateId, Period period, String kpiId);

    /** A manager gives {@code award} for the period to {@code login}, saying why. */
    Award award(String award, Period period, String login, String reason);

    /** The awards given for a period, by award then person. */
    List<Award> awards(Period period);
}
