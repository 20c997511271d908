package org.salesbench.analytics;

/**
 * One figure the reports show, with its one definition.
 *
 * @param id         stable id, e.g. {@code won_revenue}
 * @param label      short name in the user's language
 * @param definition what the figure counts, in the user's language, e.g. "sum of the amounts of the
 *                   opportunities won in the period, by won date"
 * @param unit       what its values are
 */
public record Metric(String id, String label, String definition, Unit unit) {
}
