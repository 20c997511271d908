package org.salesbench.ui.forms;

import java.util.Optional;

import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.salesbench.core.model.AbstractEntity;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.persistence.ConcurrentChangeException;

/**
 * A saved edit of a record, as Edit › Undo sees it: undo puts the values from before the edit back, redo the edited
 * ones, each through the module's own save (validation, rights, audit, events) and only if the record is still at the
 * version this operation left it: a record someone changed since is reported, not overwritten. The one shape of the
 * grid's in-place edit ({@link FieldEditOperation}) and the editor's save ({@link SavedEditOperation}), which say only
 * how the record is read and how a value is saved over it.
 *
 * @param <V> what is put back and forth: a field's value, or a whole record's edited values
 */
public abstract class RecordEditOperation<V> extends AbstractOperation {

    private final String title;
    private final V before;
    private final V after;
    /** The record's version where this operation left it: after the edit, the undo or the redo. */
    private long expectedVersion;

    /**
     * @param title        the record's name, for the menu ("Undo Edit of …") and the messages
     * @param before       the values before the edit
     * @param after        the values the edit saved
     * @param savedVersion the record's version after the edit
     */
    protected RecordEditOperation(String title, V before, V after, long savedVersion) {
        super(NLS.bind(Messages.Undo_edit, title));
        this.title = title;
        this.before = before;
        this.after = after;
        this.expectedVersion = savedVersion;
    }

    /** The record as stored now; empty when it is gone. */
    protected abstract Optional<? extends AbstractEntity> read();

    /**
     * Puts {@code values} on {@code current} (the stored record, at the expected version) and saves it through the
     * module's service.
     *
     * @return the record's version after the save
     */
    protected abstract long save(AbstractEntity current, V values);

    /** Runs after a successful undo or redo (to show the result); nothing by default. */
    protected void saved() {
    }

    @Override
    public final IStatus execute(IProgressMonitor monitor, IAdaptable info) {
        return Status.OK_STATUS; // saved by the edit before this was recorded
    }

    @Override
    public final IStatus undo(IProgressMonitor monitor, IAdaptable info) {
        return put(before);
    }

    @Override
    public final IStatus redo(IProgressMonitor monitor, IAdaptable info) {
        return put(after);
    }

    private IStatus put(V values) {
        AbstractEntity current = read().orElse(null);
        if (current == null) {
            return Status.error(NLS.bind(Messages.Undo_editGone, title));
        }
        if (current.getVersion() != expectedVersion) {
            return Status.error(ConflictDialog.message(title, ConcurrentChangeException.of(title, current.getId(), current.getUpdatedBy())));
        }
        try {
            expectedVersion = save(current, values);
        } catch (ConcurrentChangeException e) {
            return Status.error(ConflictDialog.message(title, e));
        } catch (ValidationException | AccessDeniedException e) {
            return Status.error(e.getMessage());
        }
        saved();
        return Status.OK_STATUS;
    }
}
