package org.salesbench.workflow.internal.approvals;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalService;
import org.salesbench.workflow.rules.ApprovalStarter;

/**
 * The automation rules' "start approval" action, through the approval engine: the record goes to the definition its
 * fields meet; when the rule names a definition, the record must meet that one, so a rule never files a request under a
 * definition whose condition does not hold.
 */
@Component(service = ApprovalStarter.class)
public class RuleApprovalStarter implements ApprovalStarter {

    private final ApprovalService approvals;

    @Activate
    public RuleApprovalStarter(@Reference ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public void start(String definition, RecordRef record) {
        ApprovalDefinition matching = approvals.matchingDefinition(record.entity(), record.id())
                .orElseThrow(() -> new IllegalArgumentException(NLS.bind(Messages.Rules_noMatchingDefinition, record)));
        if (definition != null && !definition.equalsIgnoreCase(matching.getName())
                && !definition.equals(String.valueOf(matching.getId()))) {
            throw new IllegalArgumentException(NLS.bind(Messages.Rules_definitionNotMet, definition, record));
        }
        approvals.start(record.entity(), record.id());
    }
}
