package org.salesbench.demo.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.opportunities.StageKind;
import org.salesbench.persistence.UnitOfWork;

/**
 * The demo's contracts, when the contracts module is installed (this component starts only with its services; the demo
 * bundle needs contracts optionally): some won deals become contracts, approved, signed and running for a year from
 * three months ago, with a plan of three instalments (the first two already due) and receipts that pay one in full,
 * one in part, and leave one overdue, so the receivables view, the ageing report and the overdue reminder have
 * something to show. Its public methods name no contract type.
 */
@Component(service = DemoContracts.class)
public class DemoContracts {

    private final UnitOfWork unitOfWork;
    private final ContractService contracts;
    private final ReceivablesService money;

    @Activate
    public DemoContracts(@Reference UnitOfWork unitOfWork, @Reference ContractService contracts, @Reference ReceivablesService money) {
        this.unitOfWork = unitOfWork;
        this.contracts = contracts;
        this.money = money;
    }

    /** Deletes the demo users' contracts with their plans and receipts, before their deals and customers go. */
    public int purge(Collection<String> owners) {
        return contracts.purgeOwnedBy(owners);
    }

    /** Makes contracts of up to {@code count} won deals of these customers; returns how many were made. */
    public int make(List<Long> customerIds, int count, LocalDate today) {
        if (customerIds.isEmpty() || count <= 0) {
            return 0;
        }
        List<Long> won = unitOfWork.read(em -> em.createQuery("SELECT o.id FROM Opportunity o WHERE o.state = :won AND o.customer.id IN :customers"
                + " AND o.amount.amount > 0 ORDER BY o.id", Long.class).setParameter("won", StageKind.WON).setParameter("customers", customerIds)
                .setMaxResults(count).getResultList());
        int made = 0;
        for (Long deal : won) {
            try {
                contract(deal, made, today);
                made++;
            } catch (ValidationException | org.salesbench.core.security.AccessDeniedException e) {
                // a deal the contracts module refuses (no amount, another's) is left as it is
                ILog.of(DemoContracts.class).warn("Demo contract of deal " + deal + " not made: " + e.getMessage());
            }
        }
        return made;
    }

    private void contract(long deal, int index, LocalDate today) {
        Contract draft = contracts.createFromOpportunity(deal);
        LocalDate start = today.minusMonths(3);
        draft.setStartDate(start);
        draft.setEndDate(start.plusYears(1).minusDays(1));
        long id = contracts.update(draft).getId();
        if (contracts.submitForApproval(id).getStatus() == ContractStatus.IN_APPROVAL) {
            contracts.recordApprovalDecision(id, true, Messages.Demo_contractApproval);
        }
        money.setPlan(id, List.of(PlannedInstalment.percent(start.plusDays(15), "30"), PlannedInstalment.percent(today.minusDays(20), "40"),
                PlannedInstalment.percent(start.plusMonths(11), "30")), null);
        contracts.sign(id, start);
        contracts.activate(id);
        Contract contract = contracts.find(id).orElseThrow();
        Money first = money.plan(id).get(0).getAmount();
        Money second = money.plan(id).get(1).getAmount();
        String reference = "DEMO-" + contract.getNumber();
        // the first paid on time everywhere; then the second in full, in part, or not at all (overdue)
        money.recordReceipt(id, start.plusDays(14), first, ReceiptMethod.BANK_TRANSFER, reference + "-1");
        switch (index % 3) {
            case 0 -> money.recordReceipt(id, today.minusDays(18), second, ReceiptMethod.BANK_TRANSFER, reference + "-2");
            case 1 -> money.recordReceipt(id, today.minusDays(10), Money.of(second.getAmount().divide(java.math.BigDecimal.valueOf(2),
                    2, java.math.RoundingMode.DOWN), second.getCurrency()), ReceiptMethod.ACCEPTANCE_BILL, reference + "-2");
            default -> {
                // left overdue
            }
        }
    }
}
