package org.salesbench.workflow.rules;

import java.util.List;

/**
 * A contributed trigger or action as the editor offers it.
 *
 * @param scheduled for a trigger, whether it runs on a schedule; false for actions
 */
public record RuleContribution(String id, String label, List<RuleParameter> parameters, boolean scheduled) {
}
