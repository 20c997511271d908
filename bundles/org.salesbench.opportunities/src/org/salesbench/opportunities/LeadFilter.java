package org.salesbench.opportunities;

import java.util.Set;

/**
 * Which leads a list shows. {@code text} matches the start of the company or contact name (case
 * ignored); empty sets and {@code null}s do not filter.
 */
public record LeadFilter(String text, Set<LeadStatus> statuses, String owner, boolean duplicatesOnly) {

    public static final LeadFilter ALL = new LeadFilter(null, Set.of(), null, false);

    public LeadFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
