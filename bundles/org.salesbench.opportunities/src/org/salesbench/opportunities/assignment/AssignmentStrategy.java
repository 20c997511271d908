package org.salesbench.opportunities.assignment;

import java.util.Optional;

/**
 * Chooses the owner of a new lead or opportunity, contributed through the extension point
 * {@code org.salesbench.opportunities.assignmentStrategies}. It only decides: the service writes
 * the owner and the log. Implementations need a public no-argument constructor and keep no state
 * between calls (what they need to remember, such as whose turn it is, comes from the context).
 */
public interface AssignmentStrategy {

    /**
     * @return the chosen candidate (one of {@link AssignmentContext#candidates()}) with the reason,
     *         or empty when this strategy has nothing to go on (e.g. no rule matches); the service
     *         then falls back to the fewest-open-records strategy and says so
     */
    Optional<AssignmentDecision> choose(AssignmentRequest request, AssignmentContext context);
}
