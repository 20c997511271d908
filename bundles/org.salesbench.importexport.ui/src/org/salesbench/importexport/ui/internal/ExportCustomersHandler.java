package org.salesbench.importexport.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.salesbench.customers.CustomerFilter;

/** The Customers view's Export…: the export wizard with the list's current filter. */
public class ExportCustomersHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        CustomerFilter filter = part == null ? null : part.getAdapter(CustomerFilter.class);
        new WizardDialog(HandlerUtil.getActiveShell(event), new ExportWizard(filter == null ? CustomerFilter.ALL : filter)).open();
        return null;
    }
}
