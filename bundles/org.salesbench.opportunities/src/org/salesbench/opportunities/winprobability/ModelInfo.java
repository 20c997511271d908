package org.salesbench.opportunities.winprobability;

/**
 * A win-probability model contributed through the extension point.
 *
 * @param id    its id, e.g. {@code org.salesbench.opportunities.logistic}
 * @param label its name as users read it
 */
public record ModelInfo(String id, String label) {
}
