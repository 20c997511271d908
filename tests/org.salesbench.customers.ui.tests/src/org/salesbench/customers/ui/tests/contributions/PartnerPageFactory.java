package org.salesbench.customers.ui.tests.contributions;

import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.customers.Customer;
import org.salesbench.customers.ui.CustomerEditorPageFactory;

/** A contributed page that shows the customer's name. */
public class PartnerPageFactory implements CustomerEditorPageFactory {

    @Override
    public IFormPage createPage(FormEditor editor, String id, String label, Customer customer) {
        return new FormPage(editor, id, label) {
            @Override
            protected void createFormContent(IManagedForm managedForm) {
                managedForm.getForm().setText("Partner: " + customer.getName());
            }
        };
    }
}
