package org.salesbench.customers.ui.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.salesbench.core.recyclebin.RecycleBin;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.ui.Services;

/**
 * Customers deleted to the recycle bin, as Edit › Undo sees it: undo restores them from the bin (with what went there
 * with them), redo deletes them again at the version the restore left. The delete itself ran in the view's job; the
 * view records this operation once it succeeded.
 */
final class DeleteCustomersOperation extends AbstractOperation {

    private final Map<Long, Long> deleted;

    /** @param seenVersions the deleted customers ({@code id -> version} at the delete) */
    DeleteCustomersOperation(Map<Long, Long> seenVersions, String firstName) {
        super(seenVersions.size() == 1 ? NLS.bind(Messages.Undo_deleteOne, firstName) : NLS.bind(Messages.Undo_deleteMany, seenVersions.size()));
        this.deleted = new LinkedHashMap<>(seenVersions);
    }

    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        CustomerService service = Services.get(CustomerService.class);
        Map<Long, Long> current = new LinkedHashMap<>();
        for (Long id : deleted.keySet()) {
            Customer customer = service.find(id).orElse(null);
            if (customer == null) {
                return new Status(IStatus.ERROR, getClass(), NLS.bind(Messages.Undo_gone, id));
            }
            current.put(id, customer.getVersion());
        }
        try {
            service.deleteAll(current);
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
                bin.restore(Customer.ENTITY, id);
            }
        } catch (RuntimeException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        return Status.OK_STATUS;
    }
}
