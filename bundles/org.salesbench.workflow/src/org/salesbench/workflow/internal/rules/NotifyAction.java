package org.salesbench.workflow.internal.rules;

import java.time.Instant;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.time.Clocks;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.UserService;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskPriority;
import org.salesbench.workflow.TaskService;
import org.salesbench.workflow.rules.ActionContext;
import org.salesbench.workflow.rules.RuleAction;
import org.salesbench.workflow.rules.RuleParameter;
import org.salesbench.workflow.rules.RuleRecords;

/**
 * Tells someone (the record's owner, the owner's manager, or a named user) about the record: a high-priority task due
 * now in their My Tasks, which the tasks UI announces as a new reminder.
 */
public class NotifyAction implements RuleAction {

    static final String MESSAGE = "message";
    static final String RECIPIENT = "recipient";
    static final String OWNER = "owner";
    static final String MANAGER = "manager";

    @Override
    public List<RuleParameter> parameters() {
        return List.of(new RuleParameter(MESSAGE, Messages.Param_message, RuleParameter.Type.TEXT, true),
                new RuleParameter(RECIPIENT, Messages.Param_recipient, RuleParameter.Type.TEXT, false));
    }

    @Override
    public void execute(ActionContext context) {
        Object ownerValue = context.values().get(RuleRecords.OWNER);
        String owner = ownerValue == null ? null : ownerValue.toString();
        String recipient = context.parameter(RECIPIENT);
        String login;
        if (recipient == null || recipient.isBlank() || recipient.trim().equals(OWNER)) {
            login = owner;
        } else if (recipient.trim().equals(MANAGER)) {
            login = managerOf(context.services().get(UserService.class), owner);
        } else {
            login = recipient.trim();
        }
        Task task = CreateTaskAction.ruleTask(context, context.parameter(MESSAGE), Instant.now(Clocks.system()), login,
                NLS.bind(Messages.Action_notifyDescription, context.rule().getName()));
        task.setPriority(TaskPriority.HIGH);
        context.services().get(TaskService.class).createOnce(task);
    }

    /** The user's own manager, else the manager of a team they belong to (not their own team). */
    static String managerOf(UserService users, String login) {
        return users.findUser(login).map(User::getManager).filter(m -> !m.isBlank())
                .or(() -> users.teams().stream().filter(t -> t.getMembers().contains(login) && t.getManager() != null
                        && !t.getManager().equals(login)).map(Team::getManager).findFirst())
                .orElseThrow(() -> new IllegalStateException(NLS.bind(Messages.Action_noManager, login)));
    }
}
