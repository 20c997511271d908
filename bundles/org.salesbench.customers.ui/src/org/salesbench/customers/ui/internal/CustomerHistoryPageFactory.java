package org.salesbench.customers.ui.internal;

import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.audit.ui.AuditHistoryPage;
import org.salesbench.customers.Customer;
import org.salesbench.customers.ui.CustomerEditorPageFactory;

/** The customer's change history from the audit trail, as a page of the customer editor. */
public class CustomerHistoryPageFactory implements CustomerEditorPageFactory {

    @Override
    public IFormPage createPage(FormEditor editor, String id, String label, Customer customer) {
        return new AuditHistoryPage(editor, id, label, Customer.ENTITY, () -> {
            Long shown = ((CustomerEditor) editor).customer().getId();
            return shown == null ? 0 : shown;
        });
    }
}
