package org.salesbench.contracts.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.receivables.CustomerCredit;
import org.salesbench.contracts.receivables.Instalment;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerMergeParticipant;
import org.salesbench.persistence.UnitOfWork;

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

    @Override
    public Map<String, Integer> moveCustomer(long fromId, long intoId) {
        return unitOfWork.write(em -> {
            Customer into = em.find(Customer.class, intoId);
            List<Contract> contracts = em.createQuery("SELECT c FROM Contract c WHERE c.customer.id = :from AND c.deletedAt IS NULL ORDER BY c.id",
                    Contract.class).setParameter("from", fromId).getResultList();
            contracts.forEach(c -> c.setCustomer(into));
            List<Long> ids = contracts.stream().map(Contract::getId).toList();
            if (!ids.isEmpty()) {
                for (Instalment i : em.createQuery("SELECT i FROM Instalment i WHERE i.contractId IN :ids", Instalment.class)
                        .setParameter("ids", ids).getResultList()) {
                    i.follow(intoId, i.isContractReceivable());
                }
                for (Receipt r : em.createQuery("SELECT r FROM Receipt r WHERE r.contractId IN :ids", Receipt.class).setParameter("ids", ids)
                        .getResultList()) {
                    r.mergedInto(intoId);
                }
            }
            List<CustomerCredit> credit = em.createQuery("SELECT k FROM CustomerCredit k WHERE k.customerId = :from", CustomerCredit.class)
                    .setParameter("from", fromId).getResultList();
            credit.forEach(k -> k.mergedInto(intoId));
            em.flush();
            Map<String, Integer> moved = new LinkedHashMap<>();
            moved.put(Contract.ENTITY, contracts.size());
            return moved;
        });
    }
}
