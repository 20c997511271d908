package org.salesbench.opportunities.assignment;

/**
 * A strategy's choice.
 *
 * @param assignee the login of a candidate
 * @param reason   why, as users read it, e.g. "round robin, 3 open leads"
 */
public record AssignmentDecision(String assignee, String reason) {
}
