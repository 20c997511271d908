package org.salesbench.customers.ui;

import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.customers.Customer;

/** Makes a contributed page of the customer editor ({@code org.salesbench.customers.ui.editorPages}). */
public interface CustomerEditorPageFactory {

    IFormPage createPage(FormEditor editor, String id, String label, Customer customer);
}
