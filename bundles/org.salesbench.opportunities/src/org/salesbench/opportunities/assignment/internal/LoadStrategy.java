package org.salesbench.opportunities.assignment.internal;

import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.salesbench.opportunities.assignment.AssignmentContext;
import org.salesbench.opportunities.assignment.AssignmentDecision;
import org.salesbench.opportunities.assignment.AssignmentRequest;
import org.salesbench.opportunities.assignment.AssignmentStrategy;

/** The active user with the fewest open leads and opportunities. */
public class LoadStrategy implements AssignmentStrategy {

    @Override
    public Optional<AssignmentDecision> choose(AssignmentRequest request, AssignmentContext context) {
        return Loads.leastLoaded(context.candidates(), request.kind()).map(c -> new AssignmentDecision(c.login(),
                NLS.bind(Messages.Load_reason, Loads.openLeads(c.openLeads()), Loads.openOpportunities(c.openOpportunities()))));
    }
}
