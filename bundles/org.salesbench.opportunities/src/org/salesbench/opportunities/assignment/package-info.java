/**
 * Assignment of new leads and opportunities to an owner.
 * <p>
 * {@link org.salesbench.opportunities.assignment.AssignmentService} asks the configured
 * {@link org.salesbench.opportunities.assignment.AssignmentStrategy strategy} (contributed to the
 * extension point {@code org.salesbench.opportunities.assignmentStrategies}; built in: round
 * robin, territory, industry, fewest open records) to choose among the active users, sets the
 * owner and logs the assignment with its explanation.
 */
package org.salesbench.opportunities.assignment;
