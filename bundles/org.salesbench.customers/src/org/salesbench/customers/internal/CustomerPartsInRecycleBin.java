package org.salesbench.customers.internal;

import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.SoftDeletingService;
import org.salesbench.persistence.UnitOfWork;

import jakarta.persistence.EntityManager;

/**
 * Contacts or activities in the recycle bin: taken off a customer in its editor (the customer service puts them
 * there), or gone with their customer. They come back only while the customer is not deleted, and the customer's
 * search entry follows them.
 */
abstract class CustomerPartsInRecycleBin extends SoftDeletingService {

    private final String table;
    private final UnitOfWork unitOfWork;

    CustomerPartsInRecycleBin(String entity, String table, String nameColumn, int order, UnitOfWork unitOfWork, SecurityService security,
            DomainEventPublisher events) {
        super(entity, table, nameColumn, order, unitOfWork, security, events);
        this.table = table;
        this.unitOfWork = unitOfWork;
    }

    /** The customer's name, and whether it is in the bin itself. */
    private Object[] customerOf(EntityManager em, long id) {
        return (Object[]) MaskingViews.query(em, "SELECT c.ID, c.NAME, c.DELETED_AT FROM {SB_CUSTOMER} c JOIN " + table + " p ON p.CUSTOMER_ID = c.ID"
                + " WHERE p.ID = ?").setParameter(1, id).getSingleResult();
    }

    @Override
    protected void checkRestore(EntityManager em, long id) {
        Object[] customer = customerOf(em, id);
        refuseRestoreIf(customer[2] != null, "customer", NLS.bind(Messages.RecycleBin_customerDeleted, customer[1]), id);
    }

    @Override
    protected void onRestored(long id) {
        long customerId = ((Number) unitOfWork.read(em -> customerOf(em, id))[0]).longValue();
        CustomerSearch.of(unitOfWork.settings()).written(List.of(customerId));
    }
}
