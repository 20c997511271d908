package org.salesbench.workflow.ui.internal.tasks;

import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.customers.Customer;
import org.salesbench.customers.ui.CustomerEditorPageFactory;
import org.salesbench.workflow.RecordRef;

/** The customer editor's Tasks page ({@code org.salesbench.customers.ui.editorPages}). */
public class CustomerTasksPageFactory implements CustomerEditorPageFactory {

    public static final String PAGE_ID = "org.salesbench.workflow.ui.customerPages.tasks";

    @Override
    public IFormPage createPage(FormEditor editor, String id, String label, Customer customer) {
        return new TasksPage<Customer>(editor, id, label, new RecordRef(Customer.ENTITY, customer.getId()), customer.getName());
    }
}
