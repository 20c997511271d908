package org.salesbench.workflow.ui.internal.tasks;

import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.ui.OpportunityEditorPageFactory;
import org.salesbench.workflow.RecordRef;

/** The opportunity editor's Tasks page ({@code org.salesbench.opportunities.ui.editorPages}). */
public class OpportunityTasksPageFactory implements OpportunityEditorPageFactory {

    public static final String PAGE_ID = "org.salesbench.workflow.ui.opportunityPages.tasks";

    @Override
    public IFormPage createPage(FormEditor editor, String id, String label, Opportunity opportunity) {
        return new TasksPage<Opportunity>(editor, id, label, new RecordRef(Opportunity.ENTITY, opportunity.getId()), opportunity.getName());
    }
}
