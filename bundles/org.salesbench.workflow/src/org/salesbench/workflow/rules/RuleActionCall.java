package org.salesbench.workflow.rules;

import java.util.Map;

/**
 * One action of a rule: the contributed action's id and its settings.
 */
public record RuleActionCall(String actionId, Map<String, String> parameters) {

    public RuleActionCall {
        parameters = Map.copyOf(parameters);
    }
}
