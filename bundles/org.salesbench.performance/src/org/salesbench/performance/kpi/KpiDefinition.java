package org.salesbench.performance.kpi;

/** A KPI as contributed: its id, translated label and description, unit and the contributing bundle. */
public record KpiDefinition(String id, String label, String description, KpiUnit unit, boolean needsTarget, String contributor) {
}
