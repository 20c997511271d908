package org.salesbench.opportunities.winprobability;

import java.math.BigDecimal;

import org.salesbench.opportunities.winprobability.internal.Messages;

/** Coarse bands of an opportunity's amount; big deals close differently from small ones. */
public enum AmountBand {
    UNDER_100K(Messages.AmountBand_under100k),
    FROM_100K_TO_500K(Messages.AmountBand_100kTo500k),
    FROM_500K_TO_1M(Messages.AmountBand_500kTo1m),
    OVER_1M(Messages.AmountBand_over1m);

    private static final BigDecimal HUNDRED_THOUSAND = new BigDecimal(100_000);
    private static final BigDecimal FIVE_HUNDRED_THOUSAND = new BigDecimal(500_000);
    private static final BigDecimal ONE_MILLION = new BigDecimal(1_000_000);

    private final String label;

    AmountBand(String label) {
        this.label = label;
    }

    /** The band of {@code amount}; an unknown amount counts as the smallest band. */
    public static AmountBand of(BigDecimal amount) {
        if (amount == null || amount.compareTo(HUNDRED_THOUSAND) < 0) {
            return UNDER_100K;
        }
        if (amount.compareTo(FIVE_HUNDRED_THOUSAND) < 0) {
            return FROM_100K_TO_500K;
        }
        if (amount.compareTo(ONE_MILLION) <= 0) {
            return FROM_500K_TO_1M;
        }
        return OVER_1M;
    }

    /** As users read it, e.g. "> 1M". */
    public String label() {
        return label;
    }
}
