package org.salesbench.analytics;

/** How a report is best drawn. */
public enum ChartKind {
    KPI, BAR, LINE, PIE, FUNNEL, TABLE
}
