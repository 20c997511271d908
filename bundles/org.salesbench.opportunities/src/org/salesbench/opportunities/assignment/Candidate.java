package org.salesbench.opportunities.assignment;

import java.util.Set;

/**
 * An active user who may be given new leads and opportunities, with the current load.
 *
 * @param login             the user's login
 * @param displayName       the name users read
 * @param regions           the regions of the teams the user is a member of
 * @param openLeads         leads the user owns that are neither converted nor disqualified
 * @param openOpportunities opportunities the user owns that are not closed
 */
public record Candidate(String login, String displayName, Set<String> regions, int openLeads, int openOpportunities) {

    public Candidate {
        regions = Set.copyOf(regions);
    }

    /** Open leads and opportunities together. */
    public int load() {
        return openLeads + openOpportunities;
    }

    /** The open records of {@code kind}. */
    public int open(AssignableKind kind) {
        return kind == AssignableKind.LEAD ? openLeads : openOpportunities;
    }
}
