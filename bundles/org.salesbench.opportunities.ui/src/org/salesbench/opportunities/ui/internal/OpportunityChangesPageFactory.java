package org.salesbench.opportunities.ui.internal;

import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.audit.ui.AuditHistoryPage;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.ui.OpportunityEditorPageFactory;

/** Every field change of the opportunity from the audit trail (the stage history page shows only stage moves). */
public class OpportunityChangesPageFactory implements OpportunityEditorPageFactory {

    @Override
    public IFormPage createPage(FormEditor editor, String id, String label, Opportunity opportunity) {
        return new AuditHistoryPage(editor, id, label, Opportunity.ENTITY, () -> {
            Long shown = ((OpportunityEditor) editor).opportunity().getId();
            return shown == null ? 0 : shown;
        });
    }
}
