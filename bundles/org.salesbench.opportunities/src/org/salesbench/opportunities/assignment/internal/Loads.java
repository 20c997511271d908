package org.salesbench.opportunities.assignment.internal;

import java.text.MessageFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.salesbench.opportunities.assignment.AssignableKind;
import org.salesbench.opportunities.assignment.Candidate;

/** What the built-in strategies share: the least loaded candidate, and the load in words. */
final class Loads {

    /** Fewest open leads and opportunities; ties go to fewer of the kind being assigned, then by login. */
    static Comparator<Candidate> leastLoadedFirst(AssignableKind kind) {
        return Comparator.comparingInt(Candidate::load).thenComparingInt((Candidate c) -> c.open(kind))
                .thenComparing(Candidate::login);
    }

    static Optional<Candidate> leastLoaded(List<Candidate> candidates, AssignableKind kind) {
        return candidates.stream().min(leastLoadedFirst(kind));
    }

    /** E.g. "3 open leads". */
    static String openOfKind(Candidate candidate, AssignableKind kind) {
        return kind == AssignableKind.LEAD ? openLeads(candidate.openLeads()) : openOpportunities(candidate.openOpportunities());
    }

    static String openLeads(int count) {
        return MessageFormat.format(Messages.Load_openLeads, count);
    }

    static String openOpportunities(int count) {
        return MessageFormat.format(Messages.Load_openOpportunities, count);
    }

    private Loads() {
    }
}
