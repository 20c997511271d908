package org.salesbench.workflow.ui.internal.approvals;


import org.eclipse.swt.layout.FillLayout;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteService;
import org.salesbench.ui.Services;
import org.salesbench.workflow.approvals.ApprovalService;

/**
 * The opportunity editor's Approvals page (contributed through {@code org.salesbench.opportunities.ui.editorPages},
 * the editor that shows an opportunity's quotes): the latest approval request of each of its quotes, with history and
 * the decisions the user may take.
 */
public class QuoteApprovalsPage extends FormPage implements org.salesbench.ui.forms.RecordSelection {

    public static final String ID = "org.salesbench.workflow.ui.editor.approvals";

    private final Opportunity opportunity;
    private ApprovalPanel panel;

    public QuoteApprovalsPage(FormEditor editor, String id, String label, Opportunity opportunity) {
        super(editor, id, label);
        this.opportunity = opportunity;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        managedForm.getForm().setText(getTitle());
        managedForm.getForm().getBody().setLayout(new FillLayout());
        ApprovalService approvals = Services.get(ApprovalService.class);
        QuoteService quotes = Services.get(QuoteService.class);
        panel = new ApprovalPanel(managedForm.getForm().getBody(), ID, approvals,
                sort -> approvals.latestFor(Quote.ENTITY, quotes.listForOpportunity(opportunity.getId()).stream().map(Quote::getId).toList(), sort));
    }

    /** Edit › Show History on the quote of the selected request. */
    @Override
    public java.util.Optional<org.salesbench.ui.forms.SelectedRecord> selectedRecord() {
        return panel == null ? java.util.Optional.empty() : panel.selectedRecord();
    }

    /** The panel, once the page was shown (tests read it). */
    public ApprovalPanel panel() {
        return panel;
    }
}
