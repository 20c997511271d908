package org.salesbench.workflow.internal.approvals.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.CommandException;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalStep;
import org.salesbench.workflow.approvals.ApproverKind;
import org.salesbench.workflow.approvals.ConditionOperator;

/**
 * A definition's condition and steps as one line of text each, the way {@code approvals definitions} prints them and
 * {@code definitions create|edit} reads them back: {@code maxDiscountPercent > 15} and
 * {@code 经理审批: OWNER_MANAGER(sales_manager) one sla=24h escalate→2 | 总监审批: USERS(chen.jing) all}.
 * Only the syntax is checked here; what the names mean is the engine's validation at save.
 */
final class DefinitionText {

    private static final Pattern CONDITION = Pattern.compile("\\s*([\\p{L}_][\\p{L}\\p{N}_.]*)\\s*(>=|<=|!=|>|<|=)\\s*(.+?)\\s*");
    private static final Pattern STEP = Pattern.compile("\\s*([^:]+?)\\s*:\\s*([A-Za-z_]+)\\s*(?:\\(([^)]*)\\))?(.*)");
    private static final Pattern SLA = Pattern.compile("sla=(\\d{1,6})h?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ESCALATE = Pattern.compile("escalate(?:=|→|->)(\\d{1,3})", Pattern.CASE_INSENSITIVE);

    private DefinitionText() {
    }

    static String steps(ApprovalDefinition definition) {
        return String.join(" | ", definition.getSteps().stream().map(DefinitionText::step).toList());
    }

    static String step(ApprovalStep s) {
        return s.getName() + ": " + s.getApproverKind() + (s.getApprovers() == null ? "" : "(" + s.getApprovers() + ")")
                + (s.isAllRequired() ? " all" : " one") + (s.getSlaHours() > 0 ? " sla=" + s.getSlaHours() + "h" : "")
                + (s.getEscalateToStep() == null ? "" : " escalate→" + s.getEscalateToStep());
    }

    /** Sets the definition's condition field, operator and value from {@code field op value}. */
    static void condition(String text, ApprovalDefinition definition) throws CommandException {
        Matcher m = CONDITION.matcher(text);
        if (!m.matches()) {
            throw CommandException.usage(NLS.bind(Messages.Definitions_badCondition, text));
        }
        definition.setConditionField(m.group(1));
        for (ConditionOperator operator : ConditionOperator.values()) {
            if (operator.symbol().equals(m.group(2))) {
                definition.setConditionOperator(operator);
            }
        }
        definition.setConditionValue(m.group(3));
    }

    /** The steps of {@code step | step | …}, in order. */
    static List<ApprovalStep> steps(String text) throws CommandException {
        List<ApprovalStep> steps = new ArrayList<>();
        for (String part : text.split("\\|")) {
            steps.add(step(part, steps.size() + 1));
        }
        return steps;
    }

    private static ApprovalStep step(String text, int number) throws CommandException {
        Matcher m = STEP.matcher(text);
        if (!m.matches()) {
            throw CommandException.usage(NLS.bind(Messages.Definitions_badStep, number, text.strip()));
        }
        ApproverKind kind;
        try {
            kind = ApproverKind.valueOf(m.group(2).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(NLS.bind(Messages.Definitions_badKind, number, m.group(2)));
        }
        String approvers = m.group(3) == null || m.group(3).isBlank() ? null : m.group(3).strip();
        ApprovalStep step = new ApprovalStep(m.group(1), kind, approvers);
        for (String word : m.group(4).strip().split("\\s+")) {
            Matcher sla = SLA.matcher(word);
            Matcher escalate = ESCALATE.matcher(word);
            if (word.isEmpty() || word.equalsIgnoreCase("one")) {
                step.setAllRequired(false);
            } else if (word.equalsIgnoreCase("all")) {
                step.setAllRequired(true);
            } else if (sla.matches()) {
                step.setSlaHours(Integer.parseInt(sla.group(1)));
            } else if (escalate.matches()) {
                step.setEscalateToStep(Integer.valueOf(escalate.group(1)));
            } else {
                throw CommandException.usage(NLS.bind(Messages.Definitions_badStepWord, number, word));
            }
        }
        return step;
    }
}
