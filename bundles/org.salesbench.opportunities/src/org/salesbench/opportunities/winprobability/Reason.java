package org.salesbench.opportunities.winprobability;

import java.util.Locale;

/**
 * One reason behind a prediction: a feature, its value for this opportunity and how much it moved
 * the probability, in percentage points, compared with an average opportunity.
 *
 * @param feature the feature
 * @param value   its value as users read it, e.g. "Negotiation", "9", "&gt; 1M"
 * @param effect  the change in probability it causes, -1 to 1 (0.18 is 18 percentage points)
 */
public record Reason(Feature feature, String value, double effect) {

    /** E.g. "stage Negotiation +18 %", "amount band &gt; 1M −5 %". */
    public String text() {
        long points = Math.round(effect * 100);
        String sign = points > 0 ? "+" : points < 0 ? "\u2212" : "\u00b1";
        return feature.describe(value) + " " + sign + String.format(Locale.ROOT, "%d %%", Math.abs(points));
    }

    @Override
    public String toString() {
        return text();
    }
}
