package org.salesbench.opportunities.assignment;

/** An assignment strategy contributed through the extension point: its id and its name as users read it. */
public record StrategyInfo(String id, String label) {
}
