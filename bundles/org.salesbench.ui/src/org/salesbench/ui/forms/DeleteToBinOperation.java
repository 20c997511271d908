package org.salesbench.ui.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.salesbench.core.recyclebin.RecycleBin;
import org.salesbench.ui.Services;

/**
 * Records deleted to the recycle bin, as Edit › Undo sees them: undo restores them from the bin (with what went there
 * with them), redo deletes them again at the version the restore left, through the module's own version-checked delete.
 * A list deletes in its own job and, once that succeeded, hands this to {@link Undo#done}.
 */
public final class DeleteToBinOperation extends AbstractOperation {

    private final String entity;
    private final Map<Long, Long> deleted;
    private final LongFunction<Long> currentVersion;
    private final Consumer<Map<Long, Long>> deleteAll;

    /**
     * @param label what Edit › Undo names ("Undo Delete …")
     * @param entity the recycle bin's kind of the records (the entity's {@code ENTITY})
     * @param seenVersions the deleted records, {@code id -> version} at the delete
     * @param currentVersion a record's version now ({@code null} if it is gone), read before a redo
     * @param deleteAll the module's delete of records at the versions seen (all or none)
     */
    public DeleteToBinOperation(String label, String entity, Map<Long, Long> seenVersions, LongFunction<Long> currentVersion,
            Consumer<Map<Long, Long>> deleteAll) {
        super(label);
        this.entity = entity;
        this.deleted = new LinkedHashMap<>(seenVersions);
        this.currentVersion = currentVersion;
        this.deleteAll = deleteAll;
    }

    /** The records this operation deleted, {@code id -> version} at the delete. */
    public Map<Long, Long> deleted() {
        return Map.copyOf(deleted);
    }

    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        Map<Long, Long> current = new LinkedHashMap<>();
        for (Long id : deleted.keySet()) {
            Long version = currentVersion.apply(id);
            if (version == null) {
                return new Status(IStatus.ERROR, getClass(), NLS.bind(Messages.Undo_gone, id));
            }
            current.put(id, version);
        }
        try {
            deleteAll.accept(current);
        } catch (RuntimeException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        return Status.OK_STATUS;
    }

    @Override
    public IStatus redo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        return execute(monitor, info);
    }

    @Override
    public IStatus undo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        RecycleBin bin = Services.get(RecycleBin.class);
        try {
            for (Long id : deleted.keySet()) {
                bin.restore(entity, id);
            }
        } catch (RuntimeException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        return Status.OK_STATUS;
    }
}
