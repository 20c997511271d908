package org.salesbench.customers.ui;

import org.salesbench.customers.Customer;

/** What a contributed editor section may use of the customer editor it lives in. */
public interface CustomerEditorSite {

    /** The customer being edited; changes to it are written by the editor's Save. */
    Customer customer();

    /** Tells the editor the customer was changed: it validates again and enables Save when valid. */
    void markDirty();
}
