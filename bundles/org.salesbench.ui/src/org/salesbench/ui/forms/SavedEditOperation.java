package org.salesbench.ui.forms;

import java.util.Optional;
import java.util.function.BiConsumer;

import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.salesbench.core.model.AbstractEntity;

/**
 * A saved edit of a record in its editor, as Edit › Undo sees it: a {@link RecordEditOperation} whose values are the
 * record as stored before the save and after it (its edited fields copied over the stored record). Open editors of
 * the record without unsaved edits show the result.
 */
final class SavedEditOperation<T> extends RecordEditOperation<T> {

    private final EntityFormEditor.Editing<T> editing;
    private final BiConsumer<T, T> copyEdited;
    private final T after;
    private final org.eclipse.ui.IEditorInput input;

    /**
     * @param before the record as stored before the save
     * @param after  the record as stored after it
     */
    SavedEditOperation(EntityFormEditor.Editing<T> editing, BiConsumer<T, T> copyEdited, T before, T after,
            org.eclipse.ui.IEditorInput input) {
        super(editing.title().apply(after), before, after, version(after));
        this.editing = editing;
        this.copyEdited = copyEdited;
        this.after = after;
        this.input = input;
    }

    static long version(Object entity) {
        return ((AbstractEntity) entity).getVersion();
    }

    @Override
    protected Optional<? extends AbstractEntity> read() {
        return editing.read().apply(after).map(AbstractEntity.class::cast);
    }

    /** Saves {@code values}' edited fields over the stored record. */
    @Override
    @SuppressWarnings("unchecked")
    protected long save(AbstractEntity current, T values) {
        T record = (T) current;
        copyEdited.accept(values, record);
        editing.save().accept(record);
        return editing.read().apply(after).map(SavedEditOperation::version).orElse(current.getVersion());
    }

    @Override
    protected void saved() {
        showInEditors();
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
