package org.salesbench.opportunities.ui.internal;

import org.salesbench.opportunities.Opportunity;
import org.salesbench.ui.forms.EntityEditorInput;

/** Which opportunity an editor shows. */
public final class OpportunityEditorInput extends EntityEditorInput {

    public OpportunityEditorInput(long id, String name) {
        super(id, name, Images.descriptor("icons/opportunity.png"));
    }

    @Override
    protected String sharedEntity() {
        return Opportunity.ENTITY;
    }
}
