package org.salesbench.customers.ui;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.salesbench.customers.Customer;

/** A section that another bundle adds to the customer editor's Overview page. */
public interface CustomerEditorSection {

    /**
     * Fills the section's client area, which has no layout yet. A section that edits the customer
     * changes {@link CustomerEditorSite#customer()} and then calls {@link CustomerEditorSite#markDirty()}.
     */
    void createContents(Composite client, FormToolkit toolkit);

    /** Shows the customer again after a reload (another user's change won a save race). */
    default void refresh(Customer customer) {
    }
}
