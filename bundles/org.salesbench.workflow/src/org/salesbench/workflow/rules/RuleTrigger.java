package org.salesbench.workflow.rules;

import java.util.List;
import java.util.Map;

/**
 * When a rule runs: on a change of a record (created, a field changed, a stage reached) or on a schedule. Contributed
 * to {@code org.salesbench.workflow.ruleTriggers}; a public no-argument constructor; stateless.
 */
public interface RuleTrigger {

    /** The settings the editor asks for (e.g. which field). */
    List<RuleParameter> parameters();

    /** Whether rules with this trigger run on a schedule (and by hand) rather than on changes. */
    default boolean scheduled() {
        return false;
    }

    /**
     * What is wrong with these settings for a rule about records with {@code fields}, beyond missing or mistyped
     * parameters (which the engine checks): each a sentence naming the problem.
     */
    default List<String> problems(Map<String, String> parameters, List<RuleField> fields) {
        return List.of();
    }

    /** Whether a rule with these settings runs for this change. */
    boolean fires(RecordChange change, Map<String, String> parameters);
}
