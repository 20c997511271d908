package org.salesbench.customers.ui.tests.contributions;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.salesbench.customers.Customer;
import org.salesbench.customers.ui.CustomerEditorSection;
import org.salesbench.customers.ui.CustomerEditorSectionFactory;
import org.salesbench.customers.ui.CustomerEditorSite;

/** A contributed section that edits a customer field (the notes), as an add-on's section would. */
public class CreditLimitSectionFactory implements CustomerEditorSectionFactory {

    /** The section of one editor. */
    public static final class CreditLimitSection implements CustomerEditorSection {
        private final CustomerEditorSite site;
        public Text text;
        private boolean loading;

        CreditLimitSection(CustomerEditorSite site) {
            this.site = site;
        }

        @Override
        public void createContents(Composite client, FormToolkit toolkit) {
            client.setLayout(new GridLayout(2, false));
            toolkit.createLabel(client, "Credit limit note");
            text = toolkit.createText(client, "", SWT.SINGLE | SWT.BORDER);
            refresh(site.customer());
            text.addModifyListener(e -> {
                if (!loading) {
                    site.customer().setNotes(text.getText());
                    site.markDirty();
                }
            });
        }

        @Override
        public void refresh(Customer customer) {
            loading = true;
            text.setText(customer.getNotes() == null ? "" : customer.getNotes());
            loading = false;
        }
    }

    @Override
    public CustomerEditorSection createSection(CustomerEditorSite site) {
        return new CreditLimitSection(site);
    }
}
