package org.salesbench.ui.internal.commands;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.IWorkbenchWizard;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.wizards.IWizardDescriptor;

/** Opens a wizard of the {@code org.eclipse.ui.newWizards} extension point by its id, as File › New › it does. */
final class NewWizards {

    private NewWizards() {
    }

    static void open(IWorkbenchWindow window, String id) {
        IWizardDescriptor descriptor = PlatformUI.getWorkbench().getNewWizardRegistry().findWizard(id);
        if (descriptor == null) {
            return;
        }
        try {
            IWorkbenchWizard wizard = descriptor.createWizard();
            IStructuredSelection selection = window.getSelectionService().getSelection() instanceof IStructuredSelection s
                    ? s : StructuredSelection.EMPTY;
            wizard.init(PlatformUI.getWorkbench(), selection);
            new WizardDialog(window.getShell(), wizard).open();
        } catch (org.eclipse.core.runtime.CoreException e) {
            org.eclipse.jface.dialogs.ErrorDialog.openError(window.getShell(), null, null, e.getStatus());
        }
    }
}
