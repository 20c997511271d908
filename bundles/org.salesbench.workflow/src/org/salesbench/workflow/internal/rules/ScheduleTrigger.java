package org.salesbench.workflow.internal.rules;

import java.util.List;
import java.util.Map;

import org.salesbench.workflow.rules.RecordChange;
import org.salesbench.workflow.rules.RuleParameter;
import org.salesbench.workflow.rules.RuleTrigger;

/** Runs over every record of the rule's entity that meets its conditions, when the rule is run (daily, or by hand). */
public class ScheduleTrigger implements RuleTrigger {

    @Override
    public List<RuleParameter> parameters() {
        return List.of();
    }

    @Override
    public boolean scheduled() {
        return true;
    }

    @Override
    public boolean fires(RecordChange change, Map<String, String> parameters) {
        return change.kind() == RecordChange.Kind.SCHEDULED || change.kind() == RecordChange.Kind.MANUAL;
    }
}
