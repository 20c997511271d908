package org.salesbench.workflow.internal.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.validation.Decimals;
import org.salesbench.core.validation.FieldError;
import org.salesbench.workflow.rules.Rule;
import org.salesbench.workflow.rules.RuleAction;
import org.salesbench.workflow.rules.RuleActionCall;
import org.salesbench.workflow.rules.RuleCondition;
import org.salesbench.workflow.rules.RuleField;
import org.salesbench.workflow.rules.RuleParameter;
import org.salesbench.workflow.rules.RuleRecords;
import org.salesbench.workflow.rules.RuleTrigger;

/**
 * What is wrong with a rule before it is saved: its entity, trigger and actions must be installed, every field it names
 * must be one its entity offers, every comparison must suit the field's type, every required setting must be there.
 */
final class RuleValidator {

    private RuleValidator() {
    }

    static List<FieldError> problems(Rule rule) {
        List<FieldError> errors = new ArrayList<>();
        if (rule.getName() == null || rule.getName().isBlank()) {
            errors.add(new FieldError("name", Messages.Rule_nameMissing, rule.getName()));
        }
        Optional<RuleRecords> records = rule.getEntity() == null ? Optional.empty() : RuleEntities.records(rule.getEntity());
        if (records.isEmpty()) {
            String offered = RuleEntities.all().stream().map(RuleEntities.Descriptor::id).collect(Collectors.joining(", "));
            errors.add(new FieldError("entity", NLS.bind(Messages.Rule_entityUnknown, rule.getEntity(), offered), rule.getEntity()));
            return errors;
        }
        String entity = rule.getEntity();
        List<RuleField> fields = records.get().fields();
        Optional<RuleTrigger> trigger = rule.getTriggerId() == null ? Optional.empty() : RuleTriggers.trigger(rule.getTriggerId());
        if (trigger.isEmpty()) {
            errors.add(new FieldError("trigger", NLS.bind(Messages.Rule_triggerUnknown, rule.getTriggerId()), rule.getTriggerId()));
        } else {
            String part = NLS.bind(Messages.Rule_triggerPart, RuleTriggers.find(rule.getTriggerId()).get().label());
            List<String> found = parameterProblems(part, entity, trigger.get().parameters(), rule.getTriggerParameters(), fields);
            found.addAll(trigger.get().problems(rule.getTriggerParameters(), fields).stream().map(p -> part + ": " + p).toList());
            if (trigger.get().scheduled() && !offersSchedule(records.get())) {
                found.add(part + ": " + NLS.bind(Messages.Rule_scheduleNotOffered, entity));
            }
            found.forEach(p -> errors.add(new FieldError("trigger", p, rule.getTriggerId())));
        }
        List<RuleCondition> conditions = rule.getConditions();
        for (int i = 0; i < conditions.size(); i++) {
            conditionProblem(i + 1, entity, conditions.get(i), fields).ifPresent(errors::add);
        }
        List<RuleActionCall> actions = rule.getActions();
        if (actions.isEmpty()) {
            errors.add(new FieldError("actions", Messages.Rule_noActions, null));
        }
        for (int i = 0; i < actions.size(); i++) {
            RuleActionCall call = actions.get(i);
            String key = "action " + (i + 1);
            Optional<RuleAction> action = RuleActions.action(call.actionId());
            if (action.isEmpty()) {
                errors.add(new FieldError(key, NLS.bind(Messages.Rule_actionUnknown, i + 1, call.actionId()), call.actionId()));
                continue;
            }
            String part = NLS.bind(Messages.Rule_actionPart, i + 1, RuleActions.find(call.actionId()).get().label());
            List<String> found = parameterProblems(part, entity, action.get().parameters(), call.parameters(), fields);
            if (found.isEmpty()) {
                found.addAll(action.get().problems(entity, call.parameters(), fields).stream().map(p -> part + ": " + p).toList());
            }
            found.forEach(p -> errors.add(new FieldError(key, p, call.actionId())));
        }
        return errors;
    }

    /** Whether the entity's catalogue overrides {@link RuleRecords#ids}, i.e. offers scheduled rules (asked without calling it). */
    private static boolean offersSchedule(RuleRecords records) {
        try {
            return records.getClass().getMethod("ids", org.salesbench.workflow.rules.RuleServices.class).getDeclaringClass() != RuleRecords.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Optional<FieldError> conditionProblem(int number, String entity, RuleCondition c, List<RuleField> fields) {
        String key = "condition " + number;
        Optional<RuleField> field = fields.stream().filter(f -> f.name().equals(c.field())).findFirst();
        if (field.isEmpty()) {
            return Optional.of(new FieldError(key, NLS.bind(Messages.Rule_conditionUnknownField, new Object[] { number, entity, c.field() }), c.field()));
        }
        if (c.operator() == null) {
            return Optional.of(new FieldError(key, NLS.bind(Messages.Rule_conditionNoOperator, number, c.field()), null));
        }
        if (!c.operator().appliesTo(field.get().type())) {
            return Optional.of(new FieldError(key, NLS.bind(Messages.Rule_conditionWrongType,
                    new Object[] { number, c.operator().label(), field.get().type().label(), c.field() }), c.operator()));
        }
        if (c.operator().needsValue() && (c.value() == null || !field.get().type().accepts(c.value())
                || field.get().type() != org.salesbench.workflow.rules.FieldType.TEXT && c.value().isBlank())) {
            return Optional.of(new FieldError(key, NLS.bind(Messages.Rule_conditionBadValue,
                    new Object[] { number, c.value() == null ? "" : c.value(), field.get().type().label(), c.field() }), c.value()));
        }
        return Optional.empty();
    }

    private static List<String> parameterProblems(String part, String entity, List<RuleParameter> parameters, Map<String, String> values,
            List<RuleField> fields) {
        List<String> found = new ArrayList<>();
        for (RuleParameter p : parameters) {
            String value = values.get(p.name());
            if (value == null || value.isBlank()) {
                if (p.required()) {
                    found.add(NLS.bind(Messages.Rule_parameterMissing, part, p.label()));
                }
                continue;
            }
            if (p.type() == RuleParameter.Type.NUMBER) {
                try {
                    Decimals.parse(value.trim());
                } catch (NumberFormatException e) {
                    found.add(NLS.bind(Messages.Rule_parameterNotNumber, new Object[] { part, p.label(), value }));
                }
            } else if (p.type() == RuleParameter.Type.FIELD && fields.stream().noneMatch(f -> f.name().equals(value.trim()))) {
                found.add(NLS.bind(Messages.Rule_parameterUnknownField, new Object[] { part, entity, value }));
            }
        }
        return found;
    }
}
