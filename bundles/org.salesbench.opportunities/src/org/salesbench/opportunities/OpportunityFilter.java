package org.salesbench.opportunities;

import java.util.Set;

/**
 * Which opportunities a list shows; empty sets and {@code null}s do not filter. {@code owners}
 * serves both "mine" (one login) and "my team" (the team's logins); {@code text} matches the start
 * of the opportunity or customer name.
 */
public record OpportunityFilter(String text, Long pipelineId, Set<Long> stageIds, Set<StageKind> states, Set<String> owners,
        boolean closingThisQuarter, boolean overdue) {

    public static final OpportunityFilter ALL = new OpportunityFilter(null, null, Set.of(), Set.of(), Set.of(), false, false);

    public OpportunityFilter {
        stageIds = stageIds == null ? Set.of() : Set.copyOf(stageIds);
        states = states == null ? Set.of() : Set.copyOf(states);
        owners = owners == null ? Set.of() : Set.copyOf(owners);
    }
}
