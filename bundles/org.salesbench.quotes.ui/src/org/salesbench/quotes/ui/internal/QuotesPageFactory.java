package org.salesbench.quotes.ui.internal;

import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.ui.OpportunityEditorPageFactory;

/** The opportunity editor's Quotes page ({@code org.salesbench.opportunities.ui.editorPages}). */
public class QuotesPageFactory implements OpportunityEditorPageFactory {

    @Override
    public IFormPage createPage(FormEditor editor, String id, String label, Opportunity opportunity) {
        return new QuotesPage(editor, id, label, opportunity);
    }
}
