package org.salesbench.ui.forms;

import java.util.function.BiConsumer;

import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.salesbench.core.model.AbstractEntity;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.persistence.ConcurrentChangeException;

/**
 * A saved edit of a record, as Edit › Undo sees it: undo puts back the values the record had before the save, redo the
 * saved ones, each through the module's own save (validation, rights, audit, events) and only if the record is still at
 * the version this operation left it: a record someone changed since is reported, not overwritten. Open editors of the
 * record without unsaved edits show the result.
 */
final class SavedEditOperation<T> extends AbstractOperation {

    private final EntityFormEditor.Editing<T> editing;
    private final BiConsumer<T, T> copyEdited;
    private final T before;
    private final T after;
    private final org.eclipse.ui.IEditorInput input;
    /** The record's version where this operation left it: after the save, the undo or the redo. */
    private long expectedVersion;

    /**
     * @param before the record as stored before the save
     * @param after  the record as stored after it
     */
    SavedEditOperation(EntityFormEditor.Editing<T> editing, BiConsumer<T, T> copyEdited, T before, T after,
            org.eclipse.ui.IEditorInput input) {
        super(NLS.bind(Messages.Undo_edit, editing.title().apply(after)));
        this.editing = editing;
        this.copyEdited = copyEdited;
        this.before = before;
        this.after = after;
        this.input = input;
        this.expectedVersion = version(after);
    }

    static long version(Object entity) {
        return ((AbstractEntity) entity).getVersion();
    }

    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) {
        return Status.OK_STATUS; // done by the editor's save before this was recorded
    }

    @Override
    public IStatus undo(IProgressMonitor monitor, IAdaptable info) {
        return put(before);
    }

    @Override
    public IStatus redo(IProgressMonitor monitor, IAdaptable info) {
        return put(after);
    }

    /** Saves {@code values}' edited fields over the stored record, if that is still at {@link #expectedVersion}. */
    private IStatus put(T values) {
        String title = editing.title().apply(after);
        T current = editing.read().apply(after).orElse(null);
        if (current == null) {
            return Status.error(NLS.bind(Messages.Undo_editGone, title));
        }
        AbstractEntity stored = (AbstractEntity) current;
        if (stored.getVersion() != expectedVersion) {
            return Status.error(ConflictDialog.message(title, ConcurrentChangeException.of(title, stored.getId(), stored.getUpdatedBy())));
        }
        copyEdited.accept(values, current);
        try {
            editing.save().accept(current);
        } catch (ConcurrentChangeException e) {
            return Status.error(ConflictDialog.message(title, e));
        } catch (ValidationException e) {
            return Status.error(e.getMessage());
        }
        expectedVersion = editing.read().apply(after).map(SavedEditOperation::version).orElse(expectedVersion);
        showInEditors();
        return Status.OK_STATUS;
    }

    /** Open editors of the record that hold no unsaved edits read it again; one with unsaved edits will meet the conflict on saving. */
    private void showInEditors() {
        for (IWorkbenchWindow window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
            for (IWorkbenchPage page : window.getPages()) {
                for (IEditorReference reference : page.getEditorReferences()) {
                    try {
                        if (input.equals(reference.getEditorInput()) && reference.getEditor(false) instanceof EntityFormEditor<?> editor
                                && !editor.hasChanges()) {
                            editor.reload();
                        }
                    } catch (PartInitException e) {
                        // an editor that cannot be made shows nothing to update
                    }
                }
            }
        }
    }
}
