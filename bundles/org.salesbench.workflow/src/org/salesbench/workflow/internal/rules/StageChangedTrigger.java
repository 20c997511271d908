package org.salesbench.workflow.internal.rules;

import java.util.List;
import java.util.Map;

import org.salesbench.workflow.rules.RecordChange;
import org.salesbench.workflow.rules.RuleField;
import org.salesbench.workflow.rules.RuleParameter;
import org.salesbench.workflow.rules.RuleTrigger;

/** Fires when a record moves to another stage (to the named one, if {@code to} is set). */
public class StageChangedTrigger implements RuleTrigger {

    static final String STAGE = "stage";

    @Override
    public List<RuleParameter> parameters() {
        return List.of(new RuleParameter(FieldChangedTrigger.TO, Messages.Param_toStage, RuleParameter.Type.TEXT, false));
    }

    @Override
    public List<String> problems(Map<String, String> parameters, List<RuleField> fields) {
        return fields.stream().anyMatch(f -> f.name().equals(STAGE)) ? List.of() : List.of(Messages.Rule_stageOnlyOpportunity);
    }

    @Override
    public boolean fires(RecordChange change, Map<String, String> parameters) {
        return FieldChangedTrigger.changedTo(change, STAGE, parameters.get(FieldChangedTrigger.TO));
    }
}
