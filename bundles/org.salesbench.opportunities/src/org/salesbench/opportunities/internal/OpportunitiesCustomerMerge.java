package org.salesbench.opportunities.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerMergeParticipant;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.persistence.UnitOfWork;

/**
 * When two customers are merged, the merged one's deals (their quotes, stage history and members go with them) and
 * the leads converted to it or matched to it as a duplicate move to the survivor. Through JPA, one record at a time, so
 * the audit trail records each move; in the merge's transaction.
 */
@Component(service = CustomerMergeParticipant.class)
public class OpportunitiesCustomerMerge implements CustomerMergeParticipant {

    private final UnitOfWork unitOfWork;

    @Activate
    public OpportunitiesCustomerMerge(@Reference UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Map<String, Integer> moveCustomer(long fromId, long intoId) {
        return unitOfWork.write(em -> {
            Customer into = em.find(Customer.class, intoId);
            List<Opportunity> deals = em.createQuery("SELECT o FROM Opportunity o WHERE o.customer.id = :from AND o.deletedAt IS NULL ORDER BY o.id",
                    Opportunity.class).setParameter("from", fromId).getResultList();
            deals.forEach(o -> o.setCustomer(into));
            List<Lead> leads = em.createQuery("SELECT l FROM Lead l WHERE (l.customerId = :from OR l.duplicateCustomerId = :from) AND l.deletedAt IS NULL"
                    + " ORDER BY l.id", Lead.class).setParameter("from", fromId).getResultList();
            for (Lead lead : leads) {
                if (Long.valueOf(fromId).equals(lead.getCustomerId())) {
                    lead.setCustomerId(intoId);
                }
                if (Long.valueOf(fromId).equals(lead.getDuplicateCustomerId())) {
                    lead.setDuplicateCustomerId(intoId);
                }
            }
            em.flush();
            Map<String, Integer> moved = new LinkedHashMap<>();
            moved.put(Opportunity.ENTITY, deals.size());
            moved.put(Lead.ENTITY, leads.size());
            return moved;
        });
    }
}
