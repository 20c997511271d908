package org.salesbench.opportunities.assignment;

import java.util.List;
import java.util.Optional;

/** What a strategy may consult; the service makes one per assignment, inside its transaction. */
public interface AssignmentContext {

    /** The active users who may be assigned, ordered by login; never an inactive user. */
    List<Candidate> candidates();

    /** The user {@code strategyId} assigned last, across leads and opportunities. */
    Optional<String> lastAssignee(String strategyId);

    /** The configured rules of {@code type}, in the order they were saved. */
    List<AssignmentRule> rules(AssignmentRule.Type type);
}
