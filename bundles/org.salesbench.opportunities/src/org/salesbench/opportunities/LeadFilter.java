package org.salesbench.opportunities;

import java.util.Set;

/**
 * Which leads a list shows. {@code text} matches the start of the company or contact name (case
 * ignored); {@code source} is a lead source's code; empty sets and {@code null}s do not filter.
 */
public record LeadFilter(String text, Set<LeadStatus> statuses, String owner, boolean duplicatesOnly, String source) {

    public static final LeadFilter ALL = new LeadFilter(null, Set.of(), null, false, null);

    public LeadFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        source = source == null || source.isBlank() ? null : source.strip();
    }

    /** Any source. */
    public LeadFilter(String text, Set<LeadStatus> statuses, String owner, boolean duplicatesOnly) {
        this(text, statuses, owner, duplicatesOnly, null);
    }

    /** This filter for the leads of one source ({@code null}: any). */
    public LeadFilter withSource(String sourceCode) {
        return new LeadFilter(text, statuses, owner, duplicatesOnly, sourceCode);
    }
}
