package org.salesbench.workflow.internal.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.salesbench.workflow.rules.ActionContext;
import org.salesbench.workflow.rules.RuleAction;
import org.salesbench.workflow.rules.RuleField;
import org.salesbench.workflow.rules.RuleParameter;

/** Sets a field of the record, through its module's service, to a value typed for the field. */
public class SetFieldAction implements RuleAction {

    static final String FIELD = "field";
    static final String VALUE = "value";

    @Override
    public List<RuleParameter> parameters() {
        return List.of(new RuleParameter(FIELD, Messages.Param_field, RuleParameter.Type.FIELD, true),
                new RuleParameter(VALUE, Messages.Param_value, RuleParameter.Type.TEXT, false));
    }

    @Override
    public List<String> problems(String entity, Map<String, String> parameters, List<RuleField> fields) {
        Optional<RuleField> field = fields.stream().filter(f -> f.name().equals(parameters.get(FIELD))).findFirst();
        if (field.isEmpty()) {
            return List.of(); // the engine names an unknown field
        }
        if (!field.get().settable()) {
            return List.of(NLS.bind(Messages.Rule_fieldNotSettable, field.get().name()));
        }
        String value = parameters.get(VALUE);
        if (value != null && !value.isBlank() && !field.get().type().accepts(value)) {
            return List.of(NLS.bind(Messages.Rule_valueWrongType, new Object[] { value, field.get().type().label(), field.get().name() }));
        }
        return List.of();
    }

    @Override
    public void execute(ActionContext context) {
        String field = context.parameter(FIELD);
        String value = context.parameter(VALUE);
        RuleField target = context.records().fields().stream().filter(f -> f.name().equals(field)).findFirst().orElseThrow();
        context.records().write(context.services(), context.record().id(), field,
                value == null || value.isBlank() ? null : target.type().parse(value));
    }
}
