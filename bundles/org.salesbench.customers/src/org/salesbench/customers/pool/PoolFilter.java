package org.salesbench.customers.pool;

/**
 * What the pool view shows; every criterion is optional ({@code null} means "any"). {@code text} matches the name and
 * short name (a substring, case-insensitive); {@code industry} and {@code region} match exactly;
 * {@code minDaysInPool} keeps customers that have been in the pool at least that many days.
 */
public record PoolFilter(String text, String industry, String region, Integer minDaysInPool) {

    public static final PoolFilter ALL = new PoolFilter(null, null, null, null);

    public PoolFilter {
        text = blankToNull(text);
        industry = blankToNull(industry);
        region = blankToNull(region);
        if (minDaysInPool != null && minDaysInPool <= 0) {
            minDaysInPool = null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
