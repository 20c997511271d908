package org.salesbench.opportunities.assignment.internal;

import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.salesbench.opportunities.assignment.AssignmentContext;
import org.salesbench.opportunities.assignment.AssignmentDecision;
import org.salesbench.opportunities.assignment.AssignmentRequest;
import org.salesbench.opportunities.assignment.AssignmentService;
import org.salesbench.opportunities.assignment.AssignmentStrategy;
import org.salesbench.opportunities.assignment.Candidate;

/**
 * Each active user in turn, by login. Whose turn it is comes from the assignment log, so the turn
 * survives restarts and is shared by everyone on a team database; a user who left the rotation is
 * simply passed over.
 */
public class RoundRobinStrategy implements AssignmentStrategy {

    @Override
    public Optional<AssignmentDecision> choose(AssignmentRequest request, AssignmentContext context) {
        List<Candidate> candidates = context.candidates();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Candidate next = candidates.get(0);
        Optional<String> last = context.lastAssignee(AssignmentService.ROUND_ROBIN);
        if (last.isPresent()) {
            for (Candidate candidate : candidates) {
                if (candidate.login().compareTo(last.get()) > 0) {
                    next = candidate;
                    break;
                }
            }
        }
        return Optional.of(new AssignmentDecision(next.login(),
                NLS.bind(Messages.RoundRobin_reason, Loads.openOfKind(next, request.kind()))));
    }
}
