package org.salesbench.contracts.tests.receivables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.receivables.Allocation;
import org.salesbench.contracts.receivables.Instalment;
import org.salesbench.contracts.receivables.Invoice;
import org.salesbench.contracts.receivables.InvoiceStatus;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.ValidationException;

/**
 * Receipts on Derby: first-in-first-out write-off with partial, exact and over-payments, the customer's credit,
 * reversal (红冲) and its refusals, bad receipts refused with nothing written, invoices' life.
 */
class ReceiptTest {

    private final MoneyFixture fx = fixture();

    /** The fixture the tests run on: Derby in memory here, a PostgreSQL schema in {@link PostgresReceiptTest}. */
    MoneyFixture fixture() {
        return new MoneyFixture();
    }
    private final long customer = fx.customer("宁波港口物流有限公司");
    private long contract;

    @BeforeEach
    void aContractOfThreeInstalments() {
        contract = fx.contract(customer, "li.na", ContractStatus.APPROVED, "1000.00", "CNY");
        fx.money.setPlan(contract, List.of(PlannedInstalment.amount(fx.today.minusDays(30), Money.cny("300.00")),
                PlannedInstalment.amount(fx.today, Money.cny("300.00")), PlannedInstalment.amount(fx.today.plusDays(30), Money.cny("400.00"))), null);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<String> paid() {
        return fx.money.plan(contract).stream().map(i -> i.getPaid().getAmount().setScale(2).toPlainString()).toList();
    }

    private Receipt receive(String amount) {
        return fx.money.recordReceipt(contract, fx.today, Money.cny(amount), ReceiptMethod.BANK_TRANSFER, "REF-" + amount);
    }

    @Test
    void receiptsAreWrittenOffFirstInFirstOutAndAnOverPaymentBecomesTheCustomersCredit() {
        Receipt partial = receive("450.00");
        assertEquals(List.of("300.00", "150.00", "0.00"), paid());
        List<Allocation> parts = fx.money.allocations(partial.getId());
        assertEquals(List.of("300.0000", "150.0000"), parts.stream().map(a -> a.getAmount().setScale(4).toPlainString()).toList());
        receive("150.00"); // exactly what the second instalment still needs
        assertEquals(List.of("300.00", "300.00", "0.00"), paid());
        Receipt over = receive("500.00");
        assertEquals(List.of("300.00", "300.00", "400.00"), paid());
        assertEquals(Money.cny("100.00"), over.getCredited());
        assertEquals(Money.cny("100.00"), fx.money.credit(customer, "CNY"));
        assertEquals(Money.of("0", "USD"), fx.money.credit(customer, "USD"));
        assertTrue(fx.money.plan(contract).stream().allMatch(i -> i.getOpen().getAmount().signum() == 0));
        assertTrue(fx.events.contains("contract/UPDATED/" + contract), fx.events.toString());
    }

    @Test
    void aReversalRestoresTheOpenAmountsTakesBackTheCreditAndIsNeverItselfReversed() {
        Receipt first = receive("450.00");
        receive("150.00");
        Receipt over = receive("500.00");
        Receipt reversal = fx.money.reverse(first.getId(), "退票 / bounced transfer");
        assertEquals(List.of("0.00", "150.00", "400.00"), paid());
        assertEquals(Money.cny("-450.00"), reversal.getAmount());
        assertEquals(first.getId(), reversal.getReversesId());
        assertEquals(fx.today, reversal.getReceivedOn());
        assertEquals(Money.cny("100.00"), fx.money.credit(customer, "CNY"));

        ValidationException noReason = assertThrows(ValidationException.class, () -> fx.money.reverse(over.getId(), " "));
        assertTrue(noReason.errorOf("reason") != null, noReason.getMessage());
        fx.money.reverse(over.getId(), "wrong customer");
        assertEquals(List.of("0.00", "150.00", "0.00"), paid());
        assertEquals(Money.cny("0.00"), fx.money.credit(customer, "CNY"));

        ValidationException ofReversal = assertThrows(ValidationException.class, () -> fx.money.reverse(reversal.getId(), "undo"));
        assertTrue(ofReversal.getMessage().contains("reversal"), ofReversal.getMessage());
        ValidationException twice = assertThrows(ValidationException.class, () -> fx.money.reverse(first.getId(), "again"));
        assertTrue(twice.getMessage().contains(String.valueOf(reversal.getId())), twice.getMessage());
        // nothing is deleted: three receipts, two reversals, every write-off kept
        List<Receipt> all = fx.money.receipts(contract);
        assertEquals(5, all.size());
        assertTrue(all.get(0).isReversed());
        assertEquals(2, all.stream().filter(Receipt::isReversal).count());
        assertEquals(7, fx.count("SB_CONTRACT_ALLOCATION")); // 2 + 1 + 1 write-offs, 2 + 1 undone
        assertEquals(2, fx.count("SB_CUSTOMER_CREDIT"));
        assertEquals(List.of("0.00", "150.00", "0.00"), paid());
    }

    @Test
    void badReceiptsAreRefusedWithAMessageAndNothingIsWritten() {
        long draft = fx.contract(customer, "li.na", ContractStatus.DRAFT, "1000.00", "CNY");
        fx.money.setPlan(draft, List.of(PlannedInstalment.percent(fx.today, "100")), null);
        ValidationException unapproved = assertThrows(ValidationException.class,
                () -> fx.money.recordReceipt(draft, fx.today, Money.cny("100.00"), ReceiptMethod.CASH, null));
        assertTrue(unapproved.errorOf("contract").message().contains("DRAFT"), unapproved.getMessage());
        fx.status(draft, ContractStatus.IN_APPROVAL);
        assertThrows(ValidationException.class, () -> fx.money.recordReceipt(draft, fx.today, Money.cny("100.00"), ReceiptMethod.CASH, null));

        ValidationException zero = assertThrows(ValidationException.class,
                () -> fx.money.recordReceipt(contract, fx.today, Money.cny("0.00"), ReceiptMethod.CASH, null));
        assertTrue(zero.errorOf("amount") != null, zero.getMessage());
        ValidationException negative = assertThrows(ValidationException.class,
                () -> fx.money.recordReceipt(contract, fx.today, Money.cny("-5.00"), ReceiptMethod.CASH, null));
        assertTrue(negative.errorOf("amount").message().contains("-5.00"), negative.getMessage());
        ValidationException currency = assertThrows(ValidationException.class,
                () -> fx.money.recordReceipt(contract, fx.today, Money.of("100.00", "USD"), ReceiptMethod.CASH, null));
        assertTrue(currency.errorOf("currency").message().contains("USD"), currency.getMessage());
        ValidationException incomplete = assertThrows(ValidationException.class,
                () -> fx.money.recordReceipt(contract, null, Money.cny("100.00"), null, null));
        assertTrue(incomplete.errorOf("receivedOn") != null && incomplete.errorOf("method") != null, incomplete.getMessage());

        assertEquals(0, fx.count("SB_CONTRACT_RECEIPT"));
        assertEquals(0, fx.count("SB_CONTRACT_ALLOCATION"));
        assertEquals(List.of("0.00", "0.00", "0.00"), paid());
    }

    @Test
    void anInvoiceIsRequestedThenIssuedOrVoidedAndIllegalMovesAreRefused() {
        List<Instalment> plan = fx.money.plan(contract);
        Invoice invoice = fx.money.requestInvoice(contract, Money.cny("300.00"), Money.cny("34.51"), Set.of(plan.get(0).getId()));
        assertEquals(InvoiceStatus.REQUESTED, invoice.getStatus());
        Invoice issued = fx.money.issueInvoice(invoice.getId(), "04400123", fx.today);
        assertEquals(InvoiceStatus.ISSUED, issued.getStatus());
        assertEquals(Set.of(plan.get(0).getId()), issued.getInstalmentIds());
        ValidationException again = assertThrows(ValidationException.class, () -> fx.money.issueInvoice(invoice.getId(), "04400124", fx.today));
        assertTrue(again.getMessage().contains("ISSUED"), again.getMessage());

        Invoice second = fx.money.requestInvoice(contract, Money.cny("300.00"), Money.cny("0.00"), Set.of(plan.get(1).getId()));
        ValidationException taken = assertThrows(ValidationException.class, () -> fx.money.issueInvoice(second.getId(), "04400123", fx.today));
        assertTrue(taken.errorOf("number") != null, taken.getMessage());
        assertEquals(InvoiceStatus.VOID, fx.money.voidInvoice(issued.getId(), "开错抬头 / wrong buyer name").getStatus());
        assertThrows(ValidationException.class, () -> fx.money.voidInvoice(issued.getId(), "twice"));
        assertThrows(ValidationException.class, () -> fx.money.issueInvoice(issued.getId(), "04400125", fx.today));

        ValidationException bad = assertThrows(ValidationException.class,
                () -> fx.money.requestInvoice(contract, Money.cny("-1.00"), Money.of("1.00", "USD"), Set.of(-1L)));
        assertTrue(bad.errorOf("amount") != null && bad.errorOf("currency") != null && bad.errorOf("instalments") != null, bad.getMessage());
        assertEquals(2, fx.money.invoices(contract).size());
        assertFalse(fx.money.invoices(contract).get(1).getStatus() == InvoiceStatus.VOID);
    }
}
