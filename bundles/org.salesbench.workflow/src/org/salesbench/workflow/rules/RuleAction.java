package org.salesbench.workflow.rules;

import java.util.List;
import java.util.Map;

/**
 * What a rule does when its conditions hold. Contributed to {@code org.salesbench.workflow.ruleActions}; a public
 * no-argument constructor; stateless. Each action runs on its own, after the change that fired the rule committed: one
 * that throws is logged with the rule's execution and neither the change nor the other actions and rules suffer.
 */
public interface RuleAction {

    /** The settings the editor asks for. */
    List<RuleParameter> parameters();

    /**
     * What is wrong with these settings for a rule about {@code entity} records with {@code fields}, beyond missing or
     * mistyped parameters (which the engine checks): each a sentence naming the problem.
     */
    default List<String> problems(String entity, Map<String, String> parameters, List<RuleField> fields) {
        return List.of();
    }

    void execute(ActionContext context) throws Exception;
}
