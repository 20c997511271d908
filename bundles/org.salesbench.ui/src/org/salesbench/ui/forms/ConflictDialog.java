package org.salesbench.ui.forms;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.salesbench.persistence.ConcurrentChangeException;

/**
 * Tells the user that what they acted on (a delete, a board move, a bulk action) was refused because someone changed
 * the record since they saw it, naming the record and who changed it when known, and offers to reload. The one dialog
 * for such conflicts outside a record's editor, which asks the same with its own choices.
 */
public final class ConflictDialog {

    private ConflictDialog() {
    }

    /**
     * @param record how the user knows the record ("Acme renewal"), {@code null} for the conflict's own name of it
     * @return whether the user chose Reload
     */
    public static boolean askReload(Shell shell, String record, ConcurrentChangeException conflict) {
        MessageDialog dialog = new MessageDialog(shell, Messages.Editor_conflictTitle, null, message(record, conflict), MessageDialog.WARNING, 0,
                Messages.Editor_reload, IDialogConstants.CANCEL_LABEL);
        return dialog.open() == 0;
    }

    /** What the dialog says: the record, who changed it if known, and that nothing was written. */
    public static String message(String record, ConcurrentChangeException conflict) {
        String name = record != null ? record : conflict.getRecord() != null ? conflict.getRecord() : "";
        return conflict.getChangedBy() == null ? NLS.bind(Messages.Conflict_changed, name)
                : NLS.bind(Messages.Conflict_changedBy, name, conflict.getChangedBy());
    }
}
