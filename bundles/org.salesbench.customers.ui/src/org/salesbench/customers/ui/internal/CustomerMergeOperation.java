package org.salesbench.customers.ui.internal;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import java.util.List;

import org.salesbench.customers.RecordMerge;

/**
 * A merge of customers, contacts or leads as Edit › Undo sees it: undo is {@link RecordMerge#unmerge} of each merge,
 * the last first, all in one transaction (the records as they were, every record moved back; refused with the model's message when something
 * changed since). The merges themselves ran in the dialog; there is no redo (merge again from the Duplicates dialog).
 */
final class CustomerMergeOperation extends AbstractOperation {

    private final RecordMerge merge;
    private final List<Long> mergeIds;

    CustomerMergeOperation(String label, RecordMerge merge, long mergeId) {
        this(label, merge, List.of(mergeId));
    }

    /** Several merges into one record, made together: undone together, the last first. */
    CustomerMergeOperation(String label, RecordMerge merge, List<Long> mergeIds) {
        super(label);
        this.merge = merge;
        this.mergeIds = List.copyOf(mergeIds);
    }

    long mergeId() {
        return mergeIds.get(mergeIds.size() - 1);
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
            merge.unmergeAll(mergeIds);
        } catch (RuntimeException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        return Status.OK_STATUS;
    }
}
