package org.salesbench.opportunities.ui;

import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.opportunities.Opportunity;

/** Makes a contributed page of the opportunity editor ({@code org.salesbench.opportunities.ui.editorPages}). */
public interface OpportunityEditorPageFactory {

    IFormPage createPage(FormEditor editor, String id, String label, Opportunity opportunity);
}
