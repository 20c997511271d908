package org.salesbench.workflow.ui.internal.approvals;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.salesbench.ui.Services;
import org.salesbench.workflow.approvals.ApprovalService;

/** The Approvals inbox: the requests waiting for the current user's decision, with their history. */
public class ApprovalsView extends ViewPart {

    public static final String ID = "org.salesbench.workflow.ui.views.approvals";

    private ApprovalPanel panel;

    @Override
    public void createPartControl(Composite parent) {
        ApprovalService approvals = Services.get(ApprovalService.class);
        panel = new ApprovalPanel(parent, approvals, () -> approvals.list(ApprovalService.Filter.PENDING_FOR_ME));
    }

    /** The panel (tests read what it shows and refresh it). */
    public ApprovalPanel panel() {
        return panel;
    }

    @Override
    public void setFocus() {
        panel.control().setFocus();
    }
}
