package org.salesbench.workflow.ui.internal.approvals;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.salesbench.ui.Services;
import org.salesbench.workflow.approvals.ApprovalService;

/**
 * The Approvals inbox: the requests waiting for the current user's decision, with their history, on a grid sorted in the
 * database; Edit › Copy, Select All, Refresh and Show History (the approved record's) reach it.
 */
public class ApprovalsView extends ViewPart implements org.salesbench.ui.forms.GridCommands<ApprovalPanel.Row> {

    public static final String ID = "org.salesbench.workflow.ui.views.approvals";

    private ApprovalPanel panel;

    @Override
    public void createPartControl(Composite parent) {
        ApprovalService approvals = Services.get(ApprovalService.class);
        panel = new ApprovalPanel(parent, ID, approvals, sort -> approvals.list(ApprovalService.Filter.PENDING_FOR_ME, sort));
    }

    @Override
    public org.salesbench.ui.forms.VirtualGrid<ApprovalPanel.Row> commandGrid() {
        return panel == null ? null : panel.grid();
    }

    @Override
    public java.util.Optional<org.salesbench.ui.forms.SelectedRecord> recordOfRow(ApprovalPanel.Row row) {
        return java.util.Optional.of(ApprovalPanel.record(row.request()));
    }

    @Override
    public void refresh() {
        panel.refresh();
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
