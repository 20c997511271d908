package org.salesbench.workflow.internal.rules;

import java.util.List;
import java.util.Map;

import org.salesbench.workflow.rules.RecordChange;
import org.salesbench.workflow.rules.RuleParameter;
import org.salesbench.workflow.rules.RuleTrigger;

/** Fires once for every new record. */
public class RecordCreatedTrigger implements RuleTrigger {

    @Override
    public List<RuleParameter> parameters() {
        return List.of();
    }

    @Override
    public boolean fires(RecordChange change, Map<String, String> parameters) {
        return change.kind() == RecordChange.Kind.CREATED;
    }
}
