package org.salesbench.opportunities.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
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

    /** The leads whose duplicate-of link (not their customer) moved: kept for the undo, not counted. */
    static final String DUPLICATE_LEADS = Lead.ENTITY + "/duplicate";

    @Override
    public Map<String, List<Long>> moveCustomer(long fromId, long intoId) {
        return unitOfWork.write(em -> {
            Customer into = em.find(Customer.class, intoId);
            List<Opportunity> deals = em.createQuery("SELECT o FROM Opportunity o WHERE o.customer.id = :from AND o.deletedAt IS NULL ORDER BY o.id",
                    Opportunity.class).setParameter("from", fromId).getResultList();
            deals.forEach(o -> o.setCustomer(into));
            List<Lead> leads = em.createQuery("SELECT l FROM Lead l WHERE (l.customerId = :from OR l.duplicateCustomerId = :from) AND l.deletedAt IS NULL"
                    + " ORDER BY l.id", Lead.class).setParameter("from", fromId).getResultList();
            List<Long> converted = new ArrayList<>();
            List<Long> duplicates = new ArrayList<>();
            for (Lead lead : leads) {
                if (Long.valueOf(fromId).equals(lead.getCustomerId())) {
                    lead.setCustomerId(intoId);
                    converted.add(lead.getId());
                }
                if (Long.valueOf(fromId).equals(lead.getDuplicateCustomerId())) {
                    lead.setDuplicateCustomerId(intoId);
                    duplicates.add(lead.getId());
                }
            }
            em.flush();
            Map<String, List<Long>> moved = new LinkedHashMap<>();
            moved.put(Opportunity.ENTITY, deals.stream().map(Opportunity::getId).toList());
            // counted once per lead, whichever link moved
            moved.put(Lead.ENTITY, leads.stream().map(Lead::getId).toList());
            moved.put(Lead.ENTITY + "/customer", converted);
            moved.put(DUPLICATE_LEADS, duplicates);
            return moved;
        });
    }

    @Override
    public Map<String, Integer> moveBack(long fromId, long intoId, Map<String, List<Long>> moved) {
        return unitOfWork.write(em -> {
            Customer from = em.find(Customer.class, fromId);
            int deals = 0;
            for (long id : moved.getOrDefault(Opportunity.ENTITY, List.of())) {
                Opportunity o = em.find(Opportunity.class, id);
                if (o == null || o.isDeleted() || o.getCustomer() == null || o.getCustomer().getId() != intoId) {
                    throw notThere(Opportunity.ENTITY, id, intoId);
                }
                o.setCustomer(from);
                deals++;
            }
            Set<Long> leads = new LinkedHashSet<>();
            for (long id : moved.getOrDefault(Lead.ENTITY + "/customer", List.of())) {
                Lead lead = em.find(Lead.class, id);
                if (lead == null || lead.isDeleted() || !Long.valueOf(intoId).equals(lead.getCustomerId())) {
                    throw notThere(Lead.ENTITY, id, intoId);
                }
                lead.setCustomerId(fromId);
                leads.add(id);
            }
            for (long id : moved.getOrDefault(DUPLICATE_LEADS, List.of())) {
                Lead lead = em.find(Lead.class, id);
                if (lead == null || lead.isDeleted() || !Long.valueOf(intoId).equals(lead.getDuplicateCustomerId())) {
                    throw notThere(Lead.ENTITY, id, intoId);
                }
                lead.setDuplicateCustomerId(fromId);
                leads.add(id);
            }
            em.flush();
            Map<String, Integer> back = new LinkedHashMap<>();
            back.put(Opportunity.ENTITY, deals);
            back.put(Lead.ENTITY, leads.size());
            return back;
        });
    }

    private static ValidationException notThere(String entity, long id, long customerId) {
        return new ValidationException(List.of(new FieldError(entity, NLS.bind(Messages.Merge_notThere, new Object[] { entity, id, customerId }), id)));
    }
}
