package org.salesbench.performance.tests.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.salesbench.performance.internal.targets.Splits;

/** Parts add up to the whole to the cent, and the cents left over go to the same parts every time. */
class SplitsTest {

    private static List<BigDecimal> money(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void anEqualSplitGivesTheLeftoverCentsToTheFirstParts() {
        assertEquals(money("33.34", "33.33", "33.33"), Splits.equal(new BigDecimal("100"), 3, 2));
        assertEquals(money("0.01", "0.01", "0.00", "0.00"), Splits.equal(new BigDecimal("0.02"), 4, 2));
        List<BigDecimal> months = Splits.equal(new BigDecimal("1000000.05"), 12, 2);
        assertEquals(new BigDecimal("1000000.05"), months.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        // 100000005 cents / 12 = 8333333 rest 9: the first nine months carry one cent more
        assertEquals(new BigDecimal("83333.34"), months.get(8));
        assertEquals(new BigDecimal("83333.33"), months.get(9));
    }

    @Test
    void countsSplitToWholeUnits() {
        assertEquals(money("4", "3", "3"), Splits.equal(new BigDecimal("10"), 3, 0));
    }

    @Test
    void aSplitByWeightsGivesTheLeftoverCentsToTheLargestRemainders() {
        // 100 by 1:1:1:3 -> 16.666.., 16.666.., 16.666.., 50: three cents short of 100 after rounding down? no: 16.66 x 3 + 50 = 99.98
        List<BigDecimal> parts = Splits.byWeights(new BigDecimal("100.00"), money("1", "1", "1", "3"), 2);
        assertEquals(money("16.67", "16.67", "16.66", "50.00"), parts);
        // ties in remainder go to the earlier part, so the same input always gives the same parts
        assertEquals(parts, Splits.byWeights(new BigDecimal("100.00"), money("1", "1", "1", "3"), 2));
        List<BigDecimal> shares = Splits.byWeights(new BigDecimal("1234567.89"), money("310000", "0", "125000.50", "9999"), 2);
        assertEquals(new BigDecimal("1234567.89"), shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(new BigDecimal("0.00"), shares.get(1));
    }
}
