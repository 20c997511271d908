package org.salesbench.analytics.ui.internal;

import org.salesbench.ui.forms.EntityEditorInput;

/** Which dashboard an editor shows. */
public final class DashboardEditorInput extends EntityEditorInput {

    public DashboardEditorInput(long id, String name) {
        super(id, name, Images.descriptor(Images.DASHBOARD));
    }
}
