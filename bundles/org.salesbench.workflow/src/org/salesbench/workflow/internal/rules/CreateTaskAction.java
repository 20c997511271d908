package org.salesbench.workflow.internal.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.Decimals;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskPriority;
import org.salesbench.workflow.TaskService;
import org.salesbench.workflow.rules.ActionContext;
import org.salesbench.workflow.rules.RuleAction;
import org.salesbench.workflow.rules.RuleField;
import org.salesbench.workflow.rules.RuleParameter;
import org.salesbench.workflow.rules.RuleRecords;

/** Creates a task about the record, for its owner unless an assignee is named; once per firing. */
public class CreateTaskAction implements RuleAction {

    static final String TITLE = "title";
    static final String DUE_IN_DAYS = "dueInDays";
    static final String ASSIGNEE = "assignee";
    static final String PRIORITY = "priority";

    @Override
    public List<RuleParameter> parameters() {
        return List.of(new RuleParameter(TITLE, Messages.Param_title, RuleParameter.Type.TEXT, true),
                new RuleParameter(DUE_IN_DAYS, Messages.Param_dueInDays, RuleParameter.Type.NUMBER, false),
                new RuleParameter(ASSIGNEE, Messages.Param_assignee, RuleParameter.Type.USER, false),
                new RuleParameter(PRIORITY, Messages.Param_priority, RuleParameter.Type.TEXT, false));
    }

    @Override
    public List<String> problems(String entity, Map<String, String> parameters, List<RuleField> fields) {
        String priority = parameters.get(PRIORITY);
        return priority == null || priority.isBlank() || priority(priority) != null ? List.of()
                : List.of(NLS.bind(Messages.Action_unknownPriority, priority));
    }

    @Override
    public void execute(ActionContext context) {
        String days = context.parameter(DUE_IN_DAYS);
        Instant due = days == null || days.isBlank() ? null
                : Instant.now(Clocks.system()).plus(Duration.ofMinutes(Decimals.parse(days.trim()).multiply(BigDecimal.valueOf(24 * 60)).longValue()));
        Task task = ruleTask(context, context.parameter(TITLE), due, blankToNull(context.parameter(ASSIGNEE)),
                NLS.bind(Messages.Action_taskDescription, context.rule().getName()));
        String priority = context.parameter(PRIORITY);
        if (priority != null && !priority.isBlank()) {
            task.setPriority(priority(priority));
        }
        context.services().get(TaskService.class).createOnce(task);
    }

    /** A task about the context's record made by its rule, for {@code assignee} or else the record's owner. */
    static Task ruleTask(ActionContext context, String title, Instant due, String assignee, String description) {
        Task task = new Task(title, context.record(), due);
        Object owner = context.values().get(RuleRecords.OWNER);
        task.setAssignee(assignee != null ? assignee : owner == null ? null : owner.toString());
        task.setDescription(description);
        task.setCreatedByRule("rule:" + context.rule().getId());
        task.setOccurrenceKey(context.occurrenceKey() + ":" + title.hashCode());
        return task;
    }

    private static TaskPriority priority(String text) {
        try {
            return TaskPriority.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
