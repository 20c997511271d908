package org.salesbench.opportunities.tests.intelligence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.salesbench.opportunities.winprobability.AmountBand;
import org.salesbench.opportunities.winprobability.Feature;
import org.salesbench.opportunities.winprobability.ModelAccuracy;
import org.salesbench.opportunities.winprobability.Reason;
import org.salesbench.opportunities.winprobability.internal.NightlyRetraining;

/** The parts of win probability that need no database: metrics, reason texts, bands, the nightly schedule. */
class WinProbabilityMathTest {

    @Test
    void aucAndBrierMatchHandComputedValues() {
        // wins at 0.9 and 0.4, losses at 0.4 and 0.1: pairs (0.9>0.4) (0.9>0.1) (0.4=0.4 counts half) (0.4>0.1) = 3.5 of 4
        double[] p = { 0.9, 0.4, 0.4, 0.1 };
        boolean[] won = { true, true, false, false };
        assertEquals(0.875, ModelAccuracy.auc(p, won), 1e-12);
        assertEquals((0.01 + 0.36 + 0.16 + 0.01) / 4, ModelAccuracy.brier(p, won), 1e-12);
        assertTrue(Double.isNaN(ModelAccuracy.auc(new double[] { 0.3 }, new boolean[] { true })));
    }

    @Test
    void nightlyRetrainingWaitsUntilTheNextRun() {
        assertEquals(Duration.ofHours(2), NightlyRetraining.delayUntilNext(LocalDateTime.of(2026, 11, 27, 0, 0), 2));
        assertEquals(Duration.ofHours(23).plusMinutes(30), NightlyRetraining.delayUntilNext(LocalDateTime.of(2026, 11, 27, 2, 30), 2));
        assertEquals(Duration.ofDays(1), NightlyRetraining.delayUntilNext(LocalDateTime.of(2026, 11, 27, 2, 0), 2));
    }

    @Test
    void reasonTextsAreSigned() {
        assertEquals("stage Negotiation +18 %", new Reason(Feature.STAGE, "Negotiation", 0.18).text());
        assertEquals("9 activities +7 %", new Reason(Feature.ACTIVITIES, "9", 0.07).text());
        assertEquals("amount band > 1M \u22125 %", new Reason(Feature.AMOUNT_BAND, "> 1M", -0.05).text());
        assertEquals("source (not set) \u00b10 %", new Reason(Feature.SOURCE, null, 0.001).text());
    }

    @Test
    void amountBandsHaveInclusiveUpperLimitsOnlyAtOneMillion() {
        assertEquals(AmountBand.UNDER_100K, AmountBand.of(null));
        assertEquals(AmountBand.UNDER_100K, AmountBand.of(new BigDecimal("99999.99")));
        assertEquals(AmountBand.FROM_100K_TO_500K, AmountBand.of(new BigDecimal("100000")));
        assertEquals(AmountBand.FROM_500K_TO_1M, AmountBand.of(new BigDecimal("1000000")));
        assertEquals(AmountBand.OVER_1M, AmountBand.of(new BigDecimal("1000000.01")));
    }
}
