package org.salesbench.workflow.internal.approvals;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.salesbench.core.validation.Decimals;
import org.salesbench.core.validation.Validator;
import org.salesbench.users.Role;
import org.salesbench.users.UserService;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalStep;
import org.salesbench.workflow.approvals.ApproverKind;
import org.salesbench.workflow.approvals.ApprovalSubject;
import org.salesbench.workflow.approvals.SubjectField;

/**
 * Refuses a definition that could never run, naming the field: an unknown entity type or condition field, a value that
 * is no number for a number field, no steps, a step with no approvers, an unknown role or user, an escalation to a step
 * that does not exist, and an escalation chain that comes back to where it started.
 */
final class DefinitionValidator {

    private final Function<String, Optional<ApprovalSubject>> subjects;
    private final UserService users;

    DefinitionValidator(Function<String, Optional<ApprovalSubject>> subjects, UserService users) {
        this.subjects = subjects;
        this.users = users;
    }

    void validate(ApprovalDefinition definition) {
        Validator v = new Validator();
        if (blank(definition.getName())) {
            v.add("name", Messages.Definition_nameRequired);
        }
        Optional<ApprovalSubject> subject = blank(definition.getEntityType()) ? Optional.empty() : subjects.apply(definition.getEntityType());
        if (subject.isEmpty()) {
            v.add("entityType", Messages.Approval_unknownSubject, definition.getEntityType());
        } else {
            checkCondition(definition, subject.get().fields(), v);
        }
        List<ApprovalStep> steps = definition.getSteps();
        if (steps.isEmpty()) {
            v.add("steps", Messages.Definition_noSteps);
        }
        Set<String> roles = new HashSet<>();
        users.roles().forEach(r -> roles.add(r.name()));
        for (int i = 0; i < steps.size(); i++) {
            checkStep(steps.get(i), i + 1, steps.size(), roles, v);
        }
        checkEscalationCycles(steps, v);
        v.throwIfInvalid();
    }

    private static void checkCondition(ApprovalDefinition definition, List<SubjectField> fields, Validator v) {
        Optional<SubjectField> field = fields.stream().filter(f -> f.name().equals(definition.getConditionField())).findFirst();
        if (field.isEmpty()) {
            v.add("conditionField", Messages.Definition_unknownField, definition.getConditionField(), definition.getEntityType(),
                    String.join(", ", fields.stream().map(SubjectField::name).toList()));
            return;
        }
        if (definition.getConditionOperator() == null) {
            v.add("conditionOperator", Messages.Definition_operatorRequired);
        }
        String value = definition.getConditionValue();
        if (blank(value)) {
            v.add("conditionValue", Messages.Definition_valueRequired);
        } else if (field.get().type() == SubjectField.Type.NUMBER) {
            try {
                Decimals.parse(value.trim());
            } catch (NumberFormatException e) {
                v.add("conditionValue", Messages.Definition_valueNotNumber, value, field.get().name());
            }
        }
    }

    private void checkStep(ApprovalStep step, int number, int count, Set<String> roles, Validator v) {
        String at = "steps[" + number + "]";
        if (blank(step.getName())) {
            v.add(at + ".name", Messages.Definition_stepNameRequired, number);
        }
        if (step.getApproverKind() == null) {
            v.add(at + ".approverKind", Messages.Definition_noApprovers, number);
            return;
        }
        List<String> names = step.approverNames();
        if (names.isEmpty() && step.getApproverKind() != ApproverKind.OWNER_MANAGER) {
            v.add(at + ".approvers", Messages.Definition_noApprovers, number);
        }
        if (step.getApproverKind() == ApproverKind.USERS) {
            for (String login : names) {
                if (users.findUser(login).isEmpty()) {
                    v.add(at + ".approvers", Messages.Definition_unknownUser, number, login);
                }
            }
        } else {
            for (String role : names) {
                if (!roles.contains(role) && !Role.EVERY_ENTITY.equals(role)) {
                    v.add(at + ".approvers", Messages.Definition_unknownRole, number, role);
                }
            }
        }
        if (step.getSlaHours() < 0) {
            v.add(at + ".slaHours", Messages.Definition_negativeSla, number);
        }
        Integer target = step.getEscalateToStep();
        if (target != null && (target < 1 || target > count)) {
            v.add(at + ".escalateToStep", Messages.Definition_noSuchStep, number, target);
        }
    }

    /** Follows each step's escalation chain; coming back to a step already on it is a cycle. */
    private static void checkEscalationCycles(List<ApprovalStep> steps, Validator v) {
        for (int start = 1; start <= steps.size(); start++) {
            Set<Integer> seen = new HashSet<>();
            StringBuilder chain = new StringBuilder().append(start);
            Integer current = start;
            while (current != null && current >= 1 && current <= steps.size() && seen.add(current)) {
                current = steps.get(current - 1).getEscalateToStep();
                if (current != null) {
                    chain.append(" → ").append(current);
                }
            }
            if (current != null && current >= 1 && current <= steps.size()) {
                v.add("steps[" + start + "].escalateToStep", Messages.Definition_escalationCycle, start, chain);
                return;
            }
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
