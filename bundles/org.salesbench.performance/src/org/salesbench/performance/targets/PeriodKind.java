package org.salesbench.performance.targets;

/** The kinds of period a target covers: calendar years, halves, quarters and months. */
public enum PeriodKind {
    YEAR(12), HALF(6), QUARTER(3), MONTH(1);

    private final int months;

    PeriodKind(int months) {
        this.months = months;
    }

    /** How many months a period of this kind lasts. */
    public int months() {
        return months;
    }

    /** How many periods of this kind a year has. */
    public int perYear() {
        return 12 / months;
    }
}
