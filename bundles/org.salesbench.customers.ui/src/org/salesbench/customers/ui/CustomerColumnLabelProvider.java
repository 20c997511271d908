package org.salesbench.customers.ui;

import org.salesbench.customers.CustomerRow;

/** Text of a contributed column of the Customers view ({@code org.salesbench.customers.ui.listColumns}). */
public interface CustomerColumnLabelProvider {

    /** Called on the UI thread for visible rows only. */
    String getText(CustomerRow row);
}
