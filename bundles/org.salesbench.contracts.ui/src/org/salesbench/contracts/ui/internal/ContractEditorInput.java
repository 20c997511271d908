package org.salesbench.contracts.ui.internal;

import org.salesbench.contracts.Contract;
import org.salesbench.ui.forms.EntityEditorInput;

/** Which contract an editor shows. */
public final class ContractEditorInput extends EntityEditorInput {

    public ContractEditorInput(long id, String number) {
        super(id, number, null);
    }

    @Override
    protected String sharedEntity() {
        return Contract.ENTITY;
    }
}
