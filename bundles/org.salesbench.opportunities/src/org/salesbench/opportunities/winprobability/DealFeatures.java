package org.salesbench.opportunities.winprobability;

import java.math.BigDecimal;

/**
 * What a win-probability model knows of one opportunity, as of one moment: for an open
 * opportunity now, for a closed one the moment it closed (its last open stage, its age at closing,
 * the activities logged until then), so that training and prediction see the same kind of facts.
 *
 * @param stage            the stage name, e.g. "Negotiation"
 * @param stageProbability the stage's default probability, 0 to 1
 * @param ageDays          days since the opportunity was created
 * @param amount           the amount in the opportunity's currency, or {@code null}
 * @param source           where it came from (lead source), or {@code null}
 * @param industry         the customer's industry, or {@code null}
 * @param activityCount    activities logged on the customer since the opportunity was created
 */
public record DealFeatures(String stage, double stageProbability, long ageDays, BigDecimal amount, String source,
        String industry, int activityCount) {

    public DealFeatures {
        if (stageProbability < 0 || stageProbability > 1) {
            throw new IllegalArgumentException("stageProbability must be between 0 and 1: " + stageProbability);
        }
        ageDays = Math.max(0, ageDays);
        activityCount = Math.max(0, activityCount);
    }

    public AmountBand amountBand() {
        return AmountBand.of(amount);
    }
}
