package org.salesbench.customers.ui.tests.contributions;

import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.ui.CustomerColumnLabelProvider;

/** A contributed column: the length of the customer's name. */
public class NameLengthColumn implements CustomerColumnLabelProvider {

    @Override
    public String getText(CustomerRow row) {
        return Integer.toString(row.name().length());
    }
}
