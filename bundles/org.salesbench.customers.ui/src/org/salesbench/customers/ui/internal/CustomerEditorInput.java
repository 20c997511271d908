package org.salesbench.customers.ui.internal;

import org.salesbench.customers.Customer;
import org.salesbench.ui.forms.EntityEditorInput;

/** Which customer an editor shows. */
public final class CustomerEditorInput extends EntityEditorInput {

    public CustomerEditorInput(long id, String name) {
        super(id, name, Images.descriptor("icons/customer.png"));
    }

    @Override
    protected String sharedEntity() {
        return Customer.ENTITY;
    }
}
