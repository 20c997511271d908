package org.salesbench.opportunities.assignment.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.salesbench.opportunities.assignment.AssignmentContext;
import org.salesbench.opportunities.assignment.AssignmentDecision;
import org.salesbench.opportunities.assignment.AssignmentRequest;
import org.salesbench.opportunities.assignment.AssignmentRule;
import org.salesbench.opportunities.assignment.AssignmentStrategy;
import org.salesbench.opportunities.assignment.Candidate;

/**
 * Rules that send a region or an industry to named users; among several users for the same value
 * the least loaded is chosen. Rules naming an inactive user are passed over.
 */
abstract class RuleStrategy implements AssignmentStrategy {

    private final AssignmentRule.Type type;

    RuleStrategy(AssignmentRule.Type type) {
        this.type = type;
    }

    /** The region or industry of the request. */
    abstract String valueOf(AssignmentRequest request);

    /** The reason, given the matched value and the chosen user's load. */
    abstract String reason(String value, String load);

    /** Users to fall back on when no rule matches, e.g. team members of the region; none by default. */
    List<Candidate> withoutRule(String value, List<Candidate> candidates) {
        return List.of();
    }

    @Override
    public Optional<AssignmentDecision> choose(AssignmentRequest request, AssignmentContext context) {
        String value = valueOf(request);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Set<String> assignees = context.rules(type).stream().filter(r -> context.matches(r, value)).map(AssignmentRule::assignee)
                .collect(Collectors.toSet());
        List<Candidate> eligible = context.candidates().stream().filter(c -> assignees.contains(c.login())).toList();
        if (eligible.isEmpty()) {
            eligible = withoutRule(value, context.candidates());
        }
        return Loads.leastLoaded(eligible, request.kind())
                .map(c -> new AssignmentDecision(c.login(), reason(value.trim(), Loads.openOfKind(c, request.kind()))));
    }
}
