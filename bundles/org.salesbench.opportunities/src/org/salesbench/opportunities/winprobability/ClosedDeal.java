package org.salesbench.opportunities.winprobability;

/** A closed opportunity as training data: its features when it closed, and whether it was won. */
public record ClosedDeal(DealFeatures features, boolean won) {
}
