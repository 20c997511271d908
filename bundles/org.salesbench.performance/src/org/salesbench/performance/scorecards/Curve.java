package org.salesbench.performance.scorecards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How a KPI's raw value becomes a line score (100 = the line's target met).
 * <ul>
 * <li>{@link #LINEAR}: 0 at the threshold (0 if none), 100 at the target, on a straight line beyond it; never below 0;</li>
 * <li>{@link #CAPPED}: as linear, but never above the cap (e.g. 120);</li>
 * <li>{@link #STEPPED}: the score of the highest step reached, steps written {@code value=score;value=score} in rising
 * values ({@code 60=50;80=80;100=100}); 0 below the first step.</li>
 * </ul>
 */
public enum Curve {
    LINEAR, CAPPED, STEPPED;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One step of a stepped curve. */
    public record Step(BigDecimal from, BigDecimal score) {
    }

    /** The line score for {@code value} (null: nothing measured, scores 0), four decimal places. */
    public BigDecimal score(BigDecimal value, BigDecimal threshold, BigDecimal target, BigDecimal cap, String steps) {
        if (value == null) {
            return BigDecimal.ZERO.setScale(4);
        }
        if (this == STEPPED) {
            BigDecimal score = BigDecimal.ZERO;
            for (Step step : parseSteps(steps)) {
                if (value.compareTo(step.from()) >= 0) {
                    score = step.score();
                }
            }
            return score.setScale(4, RoundingMode.HALF_UP);
        }
        BigDecimal zero = threshold == null ? BigDecimal.ZERO : threshold;
        BigDecimal score = value.subtract(zero).multiply(HUNDRED).divide(target.subtract(zero), 4, RoundingMode.HALF_UP);
        if (score.signum() < 0) {
            score = BigDecimal.ZERO.setScale(4);
        }
        if (this == CAPPED && cap != null && score.compareTo(cap) > 0) {
            score = cap.setScale(4, RoundingMode.HALF_UP);
        }
        return score;
    }

    /**
     * The steps of {@code text}, {@code value=score} separated by {@code ;}, values rising.
     *
     * @throws IllegalArgumentException when the text is not such a list
     */
    public static List<Step> parseSteps(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no steps");
        }
        List<Step> steps = new ArrayList<>();
        for (String part : text.split(";")) {
            String[] pair = part.trim().split("=");
            if (pair.length != 2) {
                throw new IllegalArgumentException(part);
            }
            Step step = new Step(new BigDecimal(pair[0].trim()), new BigDecimal(pair[1].trim()));
            if (!steps.isEmpty() && steps.get(steps.size() - 1).from().compareTo(step.from()) >= 0) {
                throw new IllegalArgumentException(part);
            }
            steps.add(step);
        }
        return steps;
    }
}
