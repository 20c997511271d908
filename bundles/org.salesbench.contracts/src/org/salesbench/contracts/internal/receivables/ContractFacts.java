package org.salesbench.contracts.internal.receivables;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.eclipse.osgi.util.NLS;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.core.model.Money;

/** What money in needs to know of a contract, read in the caller's transaction. */
record ContractFacts(long id, String number, String owner, Long customerId, Money amount, ContractStatus status, LocalDate endDate) {

    static final String ENTITY = Contract.ENTITY;

    static ContractFacts load(EntityManager em, long contractId) {
        Contract c = em.find(Contract.class, contractId);
        if (c == null || c.isDeleted()) {
            throw ReceivablesServiceImpl.refused("contract", NLS.bind(Messages.Contract_unknown, contractId), contractId);
        }
        return new ContractFacts(c.getId(), c.getNumber(), c.getOwner(), c.getCustomer() == null ? null : c.getCustomer().getId(), c.getAmount(),
                c.getStatus(), c.getEndDate());
    }

    /** How messages name it. */
    String label() {
        return number == null ? "#" + id : number;
    }

    /** Until signed, the plan is simply replaced. */
    boolean planEditable() {
        return status == ContractStatus.DRAFT || status == ContractStatus.IN_APPROVAL || status == ContractStatus.APPROVED;
    }

    /** Once signed and while it runs, only by a recorded amendment. */
    boolean planAmendable() {
        return status == ContractStatus.SIGNED || status == ContractStatus.ACTIVE;
    }

    /** Money may be received and invoiced once the contract is approved. */
    boolean receivable() {
        return status.isApproved();
    }

    /** The statuses whose open instalments are receivables (ageing, overdue reminders, DSO). */
    static final List<ContractStatus> RECEIVABLE = List.of(ContractStatus.values()).stream().filter(ContractStatus::isApproved).toList();
}
