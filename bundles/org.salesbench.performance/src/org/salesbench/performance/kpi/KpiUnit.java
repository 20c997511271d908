package org.salesbench.performance.kpi;

/** What a KPI's raw value counts. */
public enum KpiUnit {
    MONEY, COUNT, PERCENT, RATING
}
