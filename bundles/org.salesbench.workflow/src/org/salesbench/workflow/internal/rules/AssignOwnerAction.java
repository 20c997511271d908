package org.salesbench.workflow.internal.rules;

import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.salesbench.opportunities.assignment.AssignableKind;
import org.salesbench.opportunities.assignment.AssignmentService;
import org.salesbench.workflow.rules.ActionContext;
import org.salesbench.workflow.rules.RuleAction;
import org.salesbench.workflow.rules.RuleField;
import org.salesbench.workflow.rules.RuleParameter;

/** Gives a lead or an opportunity an owner with an assignment strategy (the configured one unless named), logged there. */
public class AssignOwnerAction implements RuleAction {

    static final String STRATEGY = "strategy";

    @Override
    public List<RuleParameter> parameters() {
        return List.of(new RuleParameter(STRATEGY, Messages.Param_strategy, RuleParameter.Type.TEXT, false));
    }

    @Override
    public List<String> problems(String entity, Map<String, String> parameters, List<RuleField> fields) {
        for (AssignableKind kind : AssignableKind.values()) {
            if (kind.entity().equals(entity)) {
                return List.of();
            }
        }
        return List.of(NLS.bind(Messages.Rule_assignOnlyLeadsOpportunities, entity));
    }

    @Override
    public void execute(ActionContext context) {
        AssignmentService assignment = context.services().get(AssignmentService.class);
        String strategy = context.parameter(STRATEGY);
        assignment.assign(AssignableKind.ofEntity(context.record().entity()), context.record().id(),
                strategy == null || strategy.isBlank() ? assignment.configuredStrategy() : strategy.trim());
    }
}
