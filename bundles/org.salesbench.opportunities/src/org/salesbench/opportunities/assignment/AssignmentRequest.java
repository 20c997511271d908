package org.salesbench.opportunities.assignment;

/**
 * The facts of a lead or opportunity a strategy may decide on.
 *
 * @param kind     lead or opportunity
 * @param entityId its id
 * @param region   the region (territory) of the lead or the opportunity's customer, or {@code null}
 * @param industry the industry of the lead or the opportunity's customer, or {@code null}
 * @param source   where it came from, or {@code null}
 */
public record AssignmentRequest(AssignableKind kind, long entityId, String region, String industry, String source) {
}
