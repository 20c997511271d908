package org.salesbench.workflow.internal.rules;

import java.util.List;

import org.salesbench.workflow.rules.ActionContext;
import org.salesbench.workflow.rules.ApprovalStarter;
import org.salesbench.workflow.rules.RuleAction;
import org.salesbench.workflow.rules.RuleParameter;

/** Opens an approval of the record under the named definition (or the one whose condition it meets), through the {@link ApprovalStarter} the approvals part provides. */
public class StartApprovalAction implements RuleAction {

    static final String DEFINITION = "definition";

    @Override
    public List<RuleParameter> parameters() {
        return List.of(new RuleParameter(DEFINITION, Messages.Param_definition, RuleParameter.Type.TEXT, false));
    }

    @Override
    public void execute(ActionContext context) {
        String definition = context.parameter(DEFINITION);
        context.services().get(ApprovalStarter.class).start(definition == null || definition.isBlank() ? null : definition.trim(), context.record());
    }
}
