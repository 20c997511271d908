package org.salesbench.quotes.ui.internal;

import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.customers.Customer;
import org.salesbench.customers.ui.CustomerEditorPageFactory;

/** The customer editor's Quotes page ({@code org.salesbench.customers.ui.editorPages}). */
public class CustomerQuotesPageFactory implements CustomerEditorPageFactory {

    @Override
    public IFormPage createPage(FormEditor editor, String id, String label, Customer customer) {
        return new CustomerQuotesPage(editor, id, label, customer);
    }
}
