package org.salesbench.opportunities.ui;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.salesbench.opportunities.ui.internal.OpportunityEditor;

/** Opens an opportunity in its editor, for views of other modules that list opportunities (the process board). */
public final class OpportunityEditors {

    private OpportunityEditors() {
    }

    /** Opens (or brings forward) the editor of the opportunity {@code id}; {@code name} titles it until it is loaded. */
    public static void open(IWorkbenchPage page, long id, String name) throws PartInitException {
        OpportunityEditor.open(page, id, name);
    }
}
