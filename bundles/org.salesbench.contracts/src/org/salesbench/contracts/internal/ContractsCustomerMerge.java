package org.salesbench.contracts.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.receivables.CustomerCredit;
import org.salesbench.contracts.receivables.Instalment;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerMergeParticipant;
import org.salesbench.persistence.UnitOfWork;

import jakarta.persistence.EntityManager;

/**
 * When two customers are merged, the merged one's contracts move to the survivor with what carries their customer
 * (instalments, receipts), and so does its credit ledger. Through JPA, so the audit trail records each move; in the
 * merge's transaction.
 */
@Component(service = CustomerMergeParticipant.class)
public class ContractsCustomerMerge implements CustomerMergeParticipant {

    private final UnitOfWork unitOfWork;

    @Activate
    public ContractsCustomerMerge(@Reference UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /** The credit ledger's entries that moved: kept for the undo, not counted. */
    static final String CREDIT = Contract.ENTITY + "/credit";

    @Override
    public Map<String, List<Long>> moveCustomer(long fromId, long intoId) {
        return unitOfWork.write(em -> {
            Customer into = em.find(Customer.class, intoId);
            List<Contract> contracts = em.createQuery("SELECT c FROM Contract c WHERE c.customer.id = :from AND c.deletedAt IS NULL ORDER BY c.id",
                    Contract.class).setParameter("from", fromId).getResultList();
            contracts.forEach(c -> c.setCustomer(into));
            List<Long> ids = contracts.stream().map(Contract::getId).toList();
            follow(em, ids, intoId);
            List<CustomerCredit> credit = em.createQuery("SELECT k FROM CustomerCredit k WHERE k.customerId = :from ORDER BY k.id", CustomerCredit.class)
                    .setParameter("from", fromId).getResultList();
            credit.forEach(k -> k.mergedInto(intoId));
            em.flush();
            Map<String, List<Long>> moved = new LinkedHashMap<>();
            moved.put(Contract.ENTITY, ids);
            moved.put(CREDIT, credit.stream().map(CustomerCredit::getId).toList());
            return moved;
        });
    }

    /** The instalments and receipts of the contracts follow them to customer {@code customerId}. */
    private static void follow(EntityManager em, List<Long> ids, long customerId) {
        if (!ids.isEmpty()) {
            for (Instalment i : em.createQuery("SELECT i FROM Instalment i WHERE i.contractId IN :ids", Instalment.class)
                    .setParameter("ids", ids).getResultList()) {
                i.follow(customerId, i.isContractReceivable());
            }
            for (Receipt r : em.createQuery("SELECT r FROM Receipt r WHERE r.contractId IN :ids", Receipt.class).setParameter("ids", ids)
                    .getResultList()) {
                r.mergedInto(customerId);
            }
        }
    }

    @Override
    public Map<String, Integer> moveBack(long fromId, long intoId, Map<String, List<Long>> moved) {
        return unitOfWork.write(em -> {
            Customer from = em.find(Customer.class, fromId);
            List<Long> ids = moved.getOrDefault(Contract.ENTITY, List.of());
            for (long id : ids) {
                Contract c = em.find(Contract.class, id);
                if (c == null || c.isDeleted() || c.getCustomer() == null || c.getCustomer().getId() != intoId) {
                    throw notThere(Contract.ENTITY, id, intoId);
                }
                c.setCustomer(from);
            }
            follow(em, ids, fromId);
            for (long id : moved.getOrDefault(CREDIT, List.of())) {
                CustomerCredit k = em.find(CustomerCredit.class, id);
                if (k == null || !Long.valueOf(intoId).equals(k.getCustomerId())) {
                    throw notThere(Contract.ENTITY, k == null ? id : k.getContractId(), intoId);
                }
                k.mergedInto(fromId);
            }
            em.flush();
            return Map.of(Contract.ENTITY, ids.size());
        });
    }

    private static ValidationException notThere(String entity, long id, long customerId) {
        return new ValidationException(List.of(new FieldError(entity, NLS.bind(Messages.Merge_notThere, new Object[] { entity, id, customerId }), id)));
    }
}
