package org.salesbench.performance.scorecards;

import java.math.BigDecimal;
import java.util.List;

import org.salesbench.performance.kpi.Period;

/**
 * How a person's score is made, line by line: live (what the figures give today) or frozen (a closed assessment's).
 * {@code total} is the sum of the weighted parts; {@code finalScore} adds a manager's adjustment.
 */
public record ScoreSheet(String template, int revision, String login, Period period, List<Line> lines, BigDecimal total, BigDecimal adjustment,
        String adjustmentReason, BigDecimal finalScore, boolean frozen, Long assessmentId, Response response) {

    /**
     * One KPI line: its label and how it is computed, weight, curve and target (the value scoring 100), the target
     * the KPI measured against (revenue attainment's), the raw value, score and weighted part.
     */
    public record Line(int position, String kpiId, String label, String definition, String parameter, BigDecimal weight, Curve curve,
            BigDecimal target, BigDecimal kpiTarget, BigDecimal rawValue, BigDecimal score, BigDecimal weighted) {
    }
}
