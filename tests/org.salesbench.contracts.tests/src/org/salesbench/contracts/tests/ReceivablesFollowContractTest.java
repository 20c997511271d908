package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ReportContext;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.internal.receivables.AgeingReport;
import org.salesbench.contracts.internal.receivables.CollectedRevenueReport;
import org.salesbench.contracts.receivables.Instalment;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.core.model.Money;

/**
 * The ageing and collected-revenue reports read what each instalment carries of its contract (its customer, whether
 * its status makes it a receivable, whether it is open now) instead of joining the contracts: these follow every
 * change through the services, in the same transaction: a draft's plan is no receivable until the contract is approved,
 * a write-off in full closes an instalment, a cancelled draft never counts, the recycle bin takes it out and a restore brings
 * it back.
 */
class ReceivablesFollowContractTest {

    private ContractFixture fx;

    @BeforeEach
    void open() {
        fx = new ContractFixture();
        fx.as(ContractFixture.ADMIN);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private ReportContext context() {
        return ContractFixture.reportContext(fx.db, fx.security);
    }

    /** The rep's open amount in the ageing by owner, null when the rep has no row. */
    private BigDecimal repOpen() {
        ReportResult result = new AgeingReport().run(context(), ReportFilter.all().withBy("owner"));
        return result.rows().stream().filter(r -> ContractFixture.REP.equals(r.value(0))).map(r -> (BigDecimal) r.value(6)).findFirst().orElse(null);
    }

    /** The rep's open amount by customer name, and planned this year, through the other reports' paths. */
    private BigDecimal customerOpen(String name) {
        ReportResult result = new AgeingReport().run(context(), ReportFilter.all().withBy("customer"));
        return result.rows().stream().filter(r -> name.equals(r.value(0))).map(r -> (BigDecimal) r.value(6)).findFirst().orElse(null);
    }

    private BigDecimal repReceivablesAtEnd() {
        ReportResult result = new CollectedRevenueReport().run(context(),
                ReportFilter.all().withPeriod(fx.today().minusDays(30), fx.today()).withBy("owner"));
        return result.rows().stream().filter(r -> ContractFixture.REP.equals(r.value(0))).map(r -> (BigDecimal) r.value(4)).findFirst()
                .orElse(null);
    }

    @Test
    void instalmentsFollowTheirContractThroughApprovalPaymentCancellationAndTheRecycleBin() {
        fx.as(ContractFixture.REP);
        long draft = fx.contracts.createFromOpportunity(fx.deal("仓储系统", "10000", true).getId()).getId();
        fx.money.setPlan(draft, List.of(PlannedInstalment.percent(fx.today().minusDays(10), "50"), PlannedInstalment.percent(fx.today().plusDays(20), "50")),
                null);
        Contract contract = fx.contracts.find(draft).orElseThrow();
        long customer = contract.getCustomer().getId();
        List<Instalment> plan = fx.money.plan(draft);
        assertEquals(customer, plan.get(0).getCustomerId());
        assertFalse(plan.get(0).isReceivable(), "a draft's plan is no receivable");
        assertNull(repOpen());

        // approved through the service: both halves are receivables, by owner, by customer and at the period's end
        fx.contracts.submitForApproval(draft);
        fx.as(ContractFixture.ADMIN);
        fx.contracts.recordApprovalDecision(draft, true, "同意");
        assertTrue(fx.money.plan(draft).stream().allMatch(Instalment::isReceivable));
        assertEquals(new BigDecimal("10000.00"), repOpen());
        assertEquals(new BigDecimal("10000.00"), customerOpen(contract.getCustomer().getName()));
        // of the period ending today only the half already due is open
        assertEquals(new BigDecimal("5000.00"), repReceivablesAtEnd());

        // the first half paid in full is no longer open
        fx.money.recordReceipt(draft, fx.today(), Money.cny("5000.00"), ReceiptMethod.BANK_TRANSFER, "R-1");
        assertFalse(fx.money.plan(draft).get(0).isReceivable());
        assertTrue(fx.money.plan(draft).get(1).isReceivable());
        assertEquals(new BigDecimal("5000.00"), repOpen());
        assertEquals(new BigDecimal("0.00"), repReceivablesAtEnd());

        // in the recycle bin it is nobody's receivable; restored, it is again
        fx.contracts.delete(draft);
        assertNull(repOpen());
        assertNull(customerOpen(contract.getCustomer().getName()));
        fx.contracts.restore(draft, null);
        assertEquals(new BigDecimal("5000.00"), repOpen());

        // a second contract's plan, approved, adds to the owner's; a draft cancelled with its plan adds nothing
        long other = fx.approvedContract("门店系统", "8000").getId();
        fx.money.setPlan(other, List.of(PlannedInstalment.percent(fx.today().plusDays(5), "100")), null);
        fx.as(ContractFixture.REP);
        long dropped = fx.contracts.createFromOpportunity(fx.deal("撤单", "3000", true).getId()).getId();
        fx.money.setPlan(dropped, List.of(PlannedInstalment.percent(fx.today().plusDays(5), "100")), null);
        fx.contracts.cancel(dropped, "客户撤单");
        fx.as(ContractFixture.ADMIN);
        assertFalse(fx.money.plan(dropped).get(0).isReceivable());
        assertEquals(new BigDecimal("13000.00"), repOpen());
        List<ReportRow> rows = new AgeingReport().run(context(), ReportFilter.all().withBy("team")).rows();
        assertEquals(new BigDecimal("13000.00"), rows.stream().map(r -> (BigDecimal) r.value(6)).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
