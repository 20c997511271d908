package org.salesbench.customers.ui.internal;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.salesbench.customers.CustomerMerge;

/**
 * A merge of two customers as Edit › Undo sees it: undo is {@link CustomerMerge#unmerge} of the merge (both customers
 * as they were, every record moved back; refused with the model's message when something changed since). The merge
 * itself ran in the dialog; there is no redo (merge again from the Duplicates dialog).
 */
final class CustomerMergeOperation extends AbstractOperation {

    private final CustomerMerge merge;
    private final long mergeId;

    CustomerMergeOperation(String label, CustomerMerge merge, long mergeId) {
        super(label);
        this.merge = merge;
        this.mergeId = mergeId;
    }

    long mergeId() {
        return mergeId;
    }

    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) {
        return Status.OK_STATUS; // done by the dialog before this was recorded
    }

    @Override
    public boolean canRedo() {
        return false;
    }

    @Override
    public IStatus redo(IProgressMonitor monitor, IAdaptable info) {
        return Status.CANCEL_STATUS;
    }

    @Override
    public IStatus undo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        try {
            merge.unmerge(mergeId);
        } catch (RuntimeException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        return Status.OK_STATUS;
    }
}
