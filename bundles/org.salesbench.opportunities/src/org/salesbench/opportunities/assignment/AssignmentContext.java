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

    /**
     * Whether {@code rule} covers {@code value} (the request's region or industry): {@link AssignmentRule#matches} by
     * default; the service's context compares industries by their picklist code, so a rule written with a label
     * ("Technology", "信息技术") covers records that store the code.
     */
    default boolean matches(AssignmentRule rule, String value) {
        return rule.matches(value);
    }
}
