package org.salesbench.ui.forms;

import java.util.Optional;
import java.util.function.Supplier;

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
 * One field of a record edited in place (in a list's grid), as Edit › Undo sees it: undo puts the field's value before
 * the edit back, redo the edited one, each through the module's own save (validation, rights, audit, events) and only
 * if the record is still at the version this operation left it: a record someone changed since is reported, not
 * overwritten.
 */
public final class FieldEditOperation extends AbstractOperation {

    /** Puts a value of the field on the stored record and saves it; returns the record's new version. */
    @FunctionalInterface
    public interface Put {
        long save(AbstractEntity current, Object value);
    }

    private final String title;
    private final Supplier<Optional<? extends AbstractEntity>> read;
    private final Put put;
    private final Object before;
    private final Object after;
    private long expectedVersion;

    /**
     * @param title        the record's name, for the menu ("Undo Edit of …") and the messages
     * @param read         reads the record as stored now (empty when it is gone)
     * @param before       the field's value before the edit
     * @param after        the value the edit saved
     * @param savedVersion the record's version after the edit
     */
    public FieldEditOperation(String title, Supplier<Optional<? extends AbstractEntity>> read, Put put, Object before, Object after,
            long savedVersion) {
        super(NLS.bind(Messages.Undo_edit, title));
        this.title = title;
        this.read = read;
        this.put = put;
        this.before = before;
        this.after = after;
        this.expectedVersion = savedVersion;
    }

    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) {
        return Status.OK_STATUS; // saved by the grid's edit before this was recorded
    }

    @Override
    public IStatus undo(IProgressMonitor monitor, IAdaptable info) {
        return put(before);
    }

    @Override
    public IStatus redo(IProgressMonitor monitor, IAdaptable info) {
        return put(after);
    }

    private IStatus put(Object value) {
        AbstractEntity current = read.get().orElse(null);
        if (current == null) {
            return Status.error(NLS.bind(Messages.Undo_editGone, title));
        }
        if (current.getVersion() != expectedVersion) {
            return Status.error(ConflictDialog.message(title, ConcurrentChangeException.of(title, current.getId(), current.getUpdatedBy())));
        }
        try {
            expectedVersion = put.save(current, value);
        } catch (ConcurrentChangeException e) {
            return Status.error(ConflictDialog.message(title, e));
        } catch (ValidationException | AccessDeniedException e) {
            return Status.error(e.getMessage());
        }
        return Status.OK_STATUS;
    }
}
