package org.salesbench.opportunities.assignment.internal;

import org.eclipse.osgi.util.NLS;
import org.salesbench.opportunities.assignment.AssignmentRequest;
import org.salesbench.opportunities.assignment.AssignmentRule;

/** By industry: the industry's rules; the least loaded of their assignees. */
public class IndustryStrategy extends RuleStrategy {

    public IndustryStrategy() {
        super(AssignmentRule.Type.INDUSTRY);
    }

    @Override
    String valueOf(AssignmentRequest request) {
        return request.industry();
    }

    @Override
    String reason(String value, String load) {
        return NLS.bind(Messages.Industry_reason, value, load);
    }
}
