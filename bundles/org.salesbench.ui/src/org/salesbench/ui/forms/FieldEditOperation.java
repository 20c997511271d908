package org.salesbench.ui.forms;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Control;
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

    /** How one field of a record kind is read and written. */
    public record Field<E extends AbstractEntity>(Function<E, Object> get, BiConsumer<E, Object> set) {
    }

    /**
     * Saves one field of a record edited in place (a list's grid), in a job: only if the record is still at
     * {@code seenVersion} (the version the list shows), through {@code update} (the module's service: validation,
     * rights, audit, events). Saved, the edit goes on the workbench's undo history and {@code saved} runs; a record
     * changed since is reported with the offer to reload ({@code reload} runs if the user takes it) and nothing is
     * written; any other failure (the service's validation message, a right the user lacks) goes to {@code failed}.
     *
     * @param title how the user knows the record (its name)
     */
    public static <E extends AbstractEntity> void save(Control owner, String jobName, String title, String entity, long id, long seenVersion,
            Supplier<Optional<E>> read, UnaryOperator<E> update, Field<E> field, Object value, Runnable saved, Runnable reload,
            Consumer<String> failed) {
        Jobs.load(owner, jobName, () -> {
            E current = read.get().orElse(null);
            ConcurrentChangeException.checkVersion(entity, id, seenVersion, current == null ? null : current.getVersion(),
                    current == null ? null : current.getUpdatedBy());
            Object before = field.get().apply(current);
            field.set().accept(current, value);
            long version = update.apply(current).getVersion();
            Put put = (stored, v) -> {
                @SuppressWarnings("unchecked")
                E record = (E) stored;
                field.set().accept(record, v);
                return update.apply(record).getVersion();
            };
            return new FieldEditOperation(title, () -> read.get(), put, before, value, version);
        }, operation -> {
            Undo.done(operation);
            saved.run();
        }, e -> {
            if (e instanceof ConcurrentChangeException conflict) {
                if (ConflictDialog.askReload(owner.getShell(), title, conflict)) {
                    reload.run();
                }
            } else {
                failed.accept(Jobs.message(e));
            }
        });
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
