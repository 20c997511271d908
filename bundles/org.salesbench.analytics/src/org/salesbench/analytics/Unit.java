package org.salesbench.analytics;

/** What a metric's or a column's values are, so outputs format and chart them alike. */
public enum Unit {
    /** an amount in the result's currency (BigDecimal) */
    MONEY,
    /** a whole number (Long) */
    COUNT,
    /** a share 0–100 (Double, or BigDecimal) */
    PERCENT,
    /** a number of days (Double) */
    DAYS,
    /** a label (String) */
    TEXT,
    /** a day (LocalDate) */
    DATE
}
