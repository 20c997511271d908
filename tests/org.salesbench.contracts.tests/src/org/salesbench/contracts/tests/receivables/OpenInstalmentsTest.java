package org.salesbench.contracts.tests.receivables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.receivables.ContractBalance;
import org.salesbench.contracts.receivables.OpenInstalment;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.contracts.receivables.ReceivablesSort;
import org.salesbench.core.model.Money;

/**
 * What the Receivables view and the contract lists read: open instalments across contracts, overdue first, with their
 * ageing bucket; and each contract's planned, collected, open and past-due amounts.
 */
class OpenInstalmentsTest {

    private final MoneyFixture fx = new MoneyFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void openInstalmentsSortByAnyColumnOfTheListEveryPageFollowing() {
        long customer = fx.customer("宁波甬江港务有限公司");
        long a = fx.contract(customer, "li.na", ContractStatus.APPROVED, "1000.00", "CNY");
        long b = fx.contract(customer, "wang.wei", ContractStatus.APPROVED, "500.00", "CNY");
        fx.money.setPlan(a, List.of(PlannedInstalment.amount(fx.today.minusDays(45), Money.cny("300.00")),
                PlannedInstalment.amount(fx.today.plusDays(10), Money.cny("700.00"))), null);
        fx.money.setPlan(b, List.of(PlannedInstalment.amount(fx.today.minusDays(95), Money.cny("500.00"))), null);
        fx.money.recordReceipt(a, fx.today, Money.cny("100.00"), ReceiptMethod.CASH, null);
        String a1 = a + "#1", a2 = a + "#2", b1 = b + "#1";

        assertEquals(List.of(b1, a1, a2), sorted(ReceivablesSort.DEFAULT, false, 0), "the list's own order: earliest due first");
        assertEquals(List.of(a1, b1, a2), sorted(new ReceivablesSort(ReceivablesSort.Column.AMOUNT, true), false, 0));
        assertEquals(List.of(a2, b1, a1), sorted(new ReceivablesSort(ReceivablesSort.Column.AMOUNT, false), false, 0));
        assertEquals(List.of(a1, b1, a2), sorted(new ReceivablesSort(ReceivablesSort.Column.OPEN, true), false, 0), "200 open of 300, 500, 700");
        assertEquals(List.of(a2, a1, b1), sorted(new ReceivablesSort(ReceivablesSort.Column.DAYS_OVERDUE, true), false, 0), "not due, 45, 95 days");
        assertEquals(List.of(b1, a1, a2), sorted(new ReceivablesSort(ReceivablesSort.Column.DAYS_OVERDUE, false), false, 0));
        assertEquals(List.of(a1, a2, b1), sorted(new ReceivablesSort(ReceivablesSort.Column.OWNER, true), false, 0));
        assertEquals(List.of(a2, b1, a1), sorted(new ReceivablesSort(ReceivablesSort.Column.INSTALMENT, false), false, 0), "ties by id, descending too");
        assertEquals(List.of(a1, b1), sorted(new ReceivablesSort(ReceivablesSort.Column.DAYS_OVERDUE, true), false, 1), "a page follows the order");
        assertEquals(List.of(b1, a1), sorted(new ReceivablesSort(ReceivablesSort.Column.AMOUNT, false), true, 0), "overdue only, in the order");
        assertEquals(sorted(ReceivablesSort.DEFAULT, false, 0), sorted(null, false, 0));
    }

    private List<String> sorted(ReceivablesSort sort, boolean overdueOnly, int offset) {
        return fx.money.openInstalments(fx.today, overdueOnly, sort, offset, 10).stream().map(i -> i.contractId() + "#" + i.position()).toList();
    }

    @Test
    void openInstalmentsAcrossContractsOverdueFirstAndBalancesPerContract() {
        long customer = fx.customer("杭州云帆科技有限公司");
        long a = fx.contract(customer, "li.na", ContractStatus.APPROVED, "1000.00", "CNY");
        long b = fx.contract(customer, "wang.wei", ContractStatus.APPROVED, "500.00", "CNY");
        long draft = fx.contract(customer, "li.na", ContractStatus.DRAFT, "800.00", "CNY");
        fx.money.setPlan(a, List.of(PlannedInstalment.amount(fx.today.minusDays(45), Money.cny("300.00")),
                PlannedInstalment.amount(fx.today.plusDays(10), Money.cny("700.00"))), null);
        fx.money.setPlan(b, List.of(PlannedInstalment.amount(fx.today.minusDays(95), Money.cny("500.00"))), null);
        fx.money.setPlan(draft, List.of(PlannedInstalment.amount(fx.today.minusDays(5), Money.cny("800.00"))), null);
        fx.money.recordReceipt(a, fx.today, Money.cny("100.00"), ReceiptMethod.CASH, null);

        List<OpenInstalment> open = fx.money.openInstalments(fx.today, false, 0, 10);
        assertEquals(List.of(b, a, a), open.stream().map(OpenInstalment::contractId).toList(), "a draft's plan is no receivable; earliest due first");
        assertEquals(List.of(OpenInstalment.Bucket.DAYS_OVER_90, OpenInstalment.Bucket.DAYS_31_60, OpenInstalment.Bucket.NOT_DUE),
                open.stream().map(i -> i.bucket(fx.today)).toList());
        assertEquals(0, new BigDecimal("200.00").compareTo(open.get(1).open().getAmount()), "the receipt paid part of the first instalment");
        assertEquals(3, fx.money.countOpenInstalments(fx.today, false));
        assertEquals(2, fx.money.countOpenInstalments(fx.today, true));
        assertEquals(List.of(b, a), fx.money.openInstalments(fx.today, true, 0, 10).stream().map(OpenInstalment::contractId).toList());
        assertEquals(1, fx.money.openInstalments(fx.today, false, 2, 10).size(), "paged");

        Map<Long, ContractBalance> balances = fx.money.balances(List.of(a, b, draft), fx.today);
        ContractBalance ofA = balances.get(a);
        assertEquals(0, new BigDecimal("1000.00").compareTo(ofA.planned().getAmount()));
        assertEquals(0, new BigDecimal("100.00").compareTo(ofA.collected().getAmount()));
        assertEquals(0, new BigDecimal("900.00").compareTo(ofA.open().getAmount()));
        assertEquals(0, new BigDecimal("200.00").compareTo(ofA.overdue().getAmount()));
        assertEquals(0, new BigDecimal("500.00").compareTo(balances.get(b).overdue().getAmount()));
        assertEquals(3, balances.size());
        assertEquals(Map.of(), fx.money.balances(List.of(), fx.today));
    }
}
