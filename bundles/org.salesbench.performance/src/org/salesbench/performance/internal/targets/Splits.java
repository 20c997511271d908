package org.salesbench.performance.internal.targets;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a whole into parts that add up to it exactly at a scale (cents for money, units for counts). The units left
 * over by rounding down are placed deterministically: for an equal split one each to the first parts in order; for a
 * split by weights one each to the parts with the largest remainders, ties to the earlier part.
 */
public final class Splits {

    private Splits() {
    }

    /** {@code whole} into {@code n} equal parts at {@code scale}. */
    public static List<BigDecimal> equal(BigDecimal whole, int n, int scale) {
        List<BigDecimal> weights = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            weights.add(BigDecimal.ONE);
        }
        return byWeights(whole, weights, scale);
    }

    /**
     * {@code whole} in proportion to {@code weights} (none negative, at least one above zero) at {@code scale}.
     */
    public static List<BigDecimal> byWeights(BigDecimal whole, List<BigDecimal> weights, int scale) {
        int n = weights.size();
        if (n == 0) {
            return List.of();
        }
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() <= 0) {
            throw new IllegalArgumentException("weights add up to " + total);
        }
        BigInteger units = whole.setScale(scale, RoundingMode.HALF_UP).unscaledValue();
        BigInteger[] parts = new BigInteger[n];
        BigDecimal[] remainders = new BigDecimal[n];
        BigInteger given = BigInteger.ZERO;
        BigDecimal unitsDecimal = new BigDecimal(units);
        for (int i = 0; i < n; i++) {
            BigDecimal exact = unitsDecimal.multiply(weights.get(i)).divide(total, 12, RoundingMode.DOWN);
            parts[i] = exact.setScale(0, RoundingMode.DOWN).toBigInteger();
            remainders[i] = exact.subtract(new BigDecimal(parts[i]));
            given = given.add(parts[i]);
        }
        int left = units.subtract(given).intValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < left; k++) {
            int i = order.get(k % n);
            parts[i] = parts[i].add(BigInteger.ONE);
        }
        List<BigDecimal> result = new ArrayList<>();
        for (BigInteger p : parts) {
            result.add(new BigDecimal(p, scale));
        }
        return result;
    }
}
