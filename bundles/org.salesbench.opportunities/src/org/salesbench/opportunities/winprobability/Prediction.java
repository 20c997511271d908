package org.salesbench.opportunities.winprobability;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A model's estimate that an open opportunity will be won.
 *
 * @param modelId     the model that made it
 * @param probability 0 to 1
 * @param reasons     the reasons, the strongest (largest absolute effect) first
 */
public record Prediction(String modelId, double probability, List<Reason> reasons) {

    public Prediction {
        if (Double.isNaN(probability) || probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be between 0 and 1: " + probability);
        }
        reasons = List.copyOf(reasons);
    }

    /** The {@code count} strongest reasons. */
    public List<Reason> mainReasons(int count) {
        return reasons.subList(0, Math.min(count, reasons.size()));
    }

    /** The three strongest reasons in one line, e.g. "stage Negotiation +18 %, 9 activities +7 %, amount band &gt; 1M −5 %". */
    public String explanation() {
        return mainReasons(3).stream().map(Reason::text).collect(Collectors.joining(", "));
    }

    /** The probability in whole percent. */
    public int percent() {
        return (int) Math.round(probability * 100);
    }
}
