package org.salesbench.ui.forms;

import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.IUndoableOperation;
import org.eclipse.ui.PlatformUI;

/**
 * The workbench's one undo history: every list and editor puts its undoable operations (deletes, saved edits) in the
 * workbench's undo context, so Edit › Undo and Ctrl+Z take back the last of them wherever the user is.
 */
public final class Undo {

    private Undo() {
    }

    public static IOperationHistory history() {
        return PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
    }

    public static IUndoContext context() {
        return PlatformUI.getWorkbench().getOperationSupport().getUndoContext();
    }

    /** Records an operation already carried out (in a background job, say) so that Undo can take it back. */
    public static void done(IUndoableOperation operation) {
        operation.addContext(context());
        history().add(operation);
    }
}
