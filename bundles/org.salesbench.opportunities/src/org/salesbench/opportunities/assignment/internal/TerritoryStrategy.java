package org.salesbench.opportunities.assignment.internal;

import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.salesbench.opportunities.assignment.AssignmentRequest;
import org.salesbench.opportunities.assignment.AssignmentRule;
import org.salesbench.opportunities.assignment.Candidate;

/** By region: the region's rules, else the members of the teams covering that region; the least loaded of them. */
public class TerritoryStrategy extends RuleStrategy {

    public TerritoryStrategy() {
        super(AssignmentRule.Type.REGION);
    }

    @Override
    String valueOf(AssignmentRequest request) {
        return request.region();
    }

    @Override
    String reason(String value, String load) {
        return NLS.bind(Messages.Territory_reason, value, load);
    }

    @Override
    List<Candidate> withoutRule(String value, List<Candidate> candidates) {
        return candidates.stream().filter(c -> c.regions().stream().anyMatch(r -> r.trim().equalsIgnoreCase(value.trim()))).toList();
    }
}
