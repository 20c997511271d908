package org.salesbench.workflow.ui.internal.approvals;

import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.ui.OpportunityEditorPageFactory;

/** Makes the opportunity editor's Approvals page. */
public class QuoteApprovalsPageFactory implements OpportunityEditorPageFactory {

    @Override
    public IFormPage createPage(FormEditor editor, String id, String label, Opportunity opportunity) {
        return new QuoteApprovalsPage(editor, id, label, opportunity);
    }
}
