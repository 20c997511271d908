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

    /** The sheet as CSV (RFC 4180, text cells neutralised for spreadsheets): one row a line, then the total and final score. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder("position,kpi,label,parameter,weight,curve,target,kpi_target,value,score,weighted\r\n");
        for (Line l : lines) {
            org.salesbench.performance.commissions.Csv.row(csv, Integer.toString(l.position()), csv(l.kpiId()), csv(l.label()), csv(l.parameter()),
                    num(l.weight()), l.curve() == null ? "" : l.curve().name(), num(l.target()), num(l.kpiTarget()), num(l.rawValue()),
                    num(l.score()), num(l.weighted()));
        }
        org.salesbench.performance.commissions.Csv.row(csv, "", "TOTAL", csv(adjustmentReason), "", "", "", "", "", num(adjustment), num(total),
                num(finalScore));
        return csv.toString();
    }

    private static String csv(String text) {
        return org.salesbench.performance.commissions.Csv.text(text);
    }

    private static String num(BigDecimal value) {
        return org.salesbench.performance.commissions.Csv.number(value);
    }

    /**
     * One KPI line: its label and how it is computed, weight, curve and target (the value scoring 100), the target
     * the KPI measured against (revenue attainment's), the raw value, score and weighted part.
     */
    public record Line(int position, String kpiId, String label, String definition, String parameter, BigDecimal weight, Curve curve,
            BigDecimal target, BigDecimal kpiTarget, BigDecimal rawValue, BigDecimal score, BigDecimal weighted) {
    }
}
