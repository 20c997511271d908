package org.salesbench.contracts.tests.receivables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.internal.receivables.CollectedRevenueReport;
import org.salesbench.contracts.receivables.Instalment;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.ValidationException;

/**
 * A customer's credit (an over-payment on one contract) applied to an instalment of another: the amounts add up to the
 * cent, more than the credit or the open amount is refused with nothing written, the application is reversible, and
 * collected revenue does not count the same money twice.
 */
class CreditApplicationTest {

    private MoneyFixture fx;
    private long customer;
    private long first;
    private long second;

    @BeforeEach
    void open() {
        fx = new MoneyFixture();
        customer = fx.customer("温州瓯江电器有限公司");
        first = fx.contract(customer, "li.na", ContractStatus.ACTIVE, "1000.00", "CNY");
        second = fx.contract(customer, "li.na", ContractStatus.SIGNED, "500.00", "CNY");
        fx.money.setPlan(first, List.of(PlannedInstalment.percent(fx.today, "100")), "一期");
        fx.money.setPlan(second, List.of(PlannedInstalment.percent(fx.today.plusDays(10), "33.3333"),
                PlannedInstalment.percent(fx.today.plusDays(40), "33.3333"), PlannedInstalment.percent(fx.today.plusDays(70), "33.3334")), "三期");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<String> open(long contract) {
        return fx.money.plan(contract).stream().map(i -> i.getOpen().getAmount().setScale(2).toPlainString()).toList();
    }

    private Money credit() {
        return fx.money.credit(customer, "CNY");
    }

    @Test
    void creditPaysInstalmentsToTheCentAndComesBackWhenReversed() {
        Receipt over = fx.money.recordReceipt(first, fx.today, Money.cny("1234.56"), ReceiptMethod.BANK_TRANSFER, "B-77");
        assertEquals(Money.cny("234.56"), credit());
        assertEquals(List.of("166.67", "166.67", "166.66"), open(second));
        List<Instalment> plan = fx.money.plan(second);

        Receipt firstPart = fx.money.applyCredit(plan.get(0).getId(), Money.cny("166.67"), fx.today);
        assertEquals(ReceiptMethod.CREDIT, firstPart.getMethod());
        assertEquals(Money.cny("67.89"), credit());
        Receipt secondPart = fx.money.applyCredit(plan.get(1).getId(), Money.cny("67.89"), fx.today);
        assertEquals(Money.cny("0.00"), credit());
        assertEquals(List.of("0.00", "98.78", "166.66"), open(second));
        // what was over-paid is now paid on the second contract, to the cent
        BigDecimal paid = fx.money.plan(second).stream().map(i -> i.getPaid().getAmount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("234.56").compareTo(paid), paid.toPlainString());

        // the receipt that made the credit cannot be reversed while its credit is spent
        ValidationException spent = assertThrows(ValidationException.class, () -> fx.money.reverse(over.getId(), "退票"));
        assertTrue(spent.getMessage().contains("234.56"), spent.getMessage());

        // reversing an application gives the credit back and reopens the instalment
        fx.money.reverse(secondPart.getId(), "冲错期次");
        assertEquals(Money.cny("67.89"), credit());
        assertEquals(List.of("0.00", "166.67", "166.66"), open(second));

        // collected revenue counts the money received once: 1234.56, not the credit applied on top
        ReportResult collected = new CollectedRevenueReport().run(fx.reportContext(),
                ReportFilter.all().withPeriod(fx.today.withDayOfMonth(1), fx.today).withBy("owner"));
        assertEquals(new BigDecimal("1234.56"), collected.rows().get(0).value(1));
        assertEquals(firstPart.getAmount(), fx.money.allocations(firstPart.getId()).stream().map(a -> Money.cny(a.getAmount().toPlainString()))
                .reduce(Money::plus).orElseThrow());
    }

    @Test
    void moreThanTheCreditOrTheOpenAmountAndBadInputAreRefusedWithNothingWritten() {
        fx.money.recordReceipt(first, fx.today, Money.cny("1100.00"), ReceiptMethod.BANK_TRANSFER, null);
        long instalment = fx.money.plan(second).get(0).getId();
        long receipts = fx.count("SB_CONTRACT_RECEIPT");
        long credits = fx.count("SB_CUSTOMER_CREDIT");

        ValidationException tooMuch = assertThrows(ValidationException.class, () -> fx.money.applyCredit(instalment, Money.cny("100.01"), fx.today));
        assertTrue(tooMuch.getMessage().contains("100.00"), tooMuch.getMessage());
        ValidationException moreThanOpen = assertThrows(ValidationException.class,
                () -> fx.money.applyCredit(instalment, Money.cny("166.68"), fx.today));
        assertTrue(moreThanOpen.getMessage().contains("166.67"), moreThanOpen.getMessage());
        assertEquals("currency", assertThrows(ValidationException.class, () -> fx.money.applyCredit(instalment, Money.of("10.00", "EUR"), fx.today))
                .getErrors().get(0).field());
        assertEquals("amount", assertThrows(ValidationException.class, () -> fx.money.applyCredit(instalment, Money.cny("0.00"), fx.today))
                .getErrors().get(0).field());
        assertEquals("instalment", assertThrows(ValidationException.class, () -> fx.money.applyCredit(987654L, Money.cny("1.00"), fx.today))
                .getErrors().get(0).field());
        // nobody records "credit" by hand: it would be money that never came in
        assertEquals("method", assertThrows(ValidationException.class,
                () -> fx.money.recordReceipt(second, fx.today, Money.cny("1.00"), ReceiptMethod.CREDIT, null)).getErrors().get(0).field());
        // not before the contract is approved
        long draft = fx.contract(customer, "li.na", ContractStatus.DRAFT, "50.00", "CNY");
        fx.money.setPlan(draft, List.of(PlannedInstalment.percent(fx.today, "100")), null);
        long draftInstalment = fx.money.plan(draft).get(0).getId();
        assertEquals("contract", assertThrows(ValidationException.class, () -> fx.money.applyCredit(draftInstalment, Money.cny("1.00"), fx.today))
                .getErrors().get(0).field());

        assertEquals(receipts, fx.count("SB_CONTRACT_RECEIPT"));
        assertEquals(credits, fx.count("SB_CUSTOMER_CREDIT"));
        assertEquals(Money.cny("100.00"), credit());
        assertEquals(List.of("166.67", "166.67", "166.66"), open(second));
    }
}
