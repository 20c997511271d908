package org.salesbench.contracts.tests.receivables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.receivables.Instalment;
import org.salesbench.contracts.receivables.PlanAmendment;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.ValidationException;

/** Payment plans on Derby: sums to the cent, percentages with the remainder on the last, refusals, amendments after signing. */
class PaymentPlanTest {

    private final MoneyFixture fx = fixture();

    /** The fixture the tests run on: Derby in memory here, a PostgreSQL schema in {@link PostgresPaymentPlanTest}. */
    MoneyFixture fixture() {
        return new MoneyFixture();
    }
    private final long customer = fx.customer("杭州湖畔茶业有限公司");

    @AfterEach
    void close() {
        fx.close();
    }

    private static List<String> amounts(List<Instalment> plan) {
        return plan.stream().map(i -> i.getAmount().getAmount().setScale(2).toPlainString()).toList();
    }

    @Test
    void percentagesAreRoundedToTheCentAndTheLastTakesTheRemainder() {
        long contract = fx.contract(customer, "li.na", ContractStatus.DRAFT, "10.00", "CNY");
        List<Instalment> plan = fx.money.setPlan(contract, List.of(PlannedInstalment.percent(fx.today.plusDays(10), "33.3333"),
                PlannedInstalment.percent(fx.today.plusDays(40), "33.3333"), PlannedInstalment.percent(fx.today.plusDays(70), "33.3334")), null);
        assertEquals(List.of("3.33", "3.33", "3.34"), amounts(plan));
        assertEquals(List.of(1, 2, 3), plan.stream().map(Instalment::getPosition).toList());
        assertEquals(new BigDecimal("33.3334"), plan.get(2).getPercent().setScale(4));
        assertEquals(List.of("3.33", "3.33", "3.34"), amounts(fx.money.plan(contract)));
    }

    @Test
    void mixedAmountsAndPercentagesMustAddUpToTheCent() {
        long contract = fx.contract(customer, "li.na", ContractStatus.APPROVED, "1000000.05", "CNY");
        List<Instalment> plan = fx.money.setPlan(contract, List.of(PlannedInstalment.amount(fx.today.plusDays(5), Money.cny("300000.00")),
                PlannedInstalment.percent(fx.today.plusDays(60), "50"), PlannedInstalment.amount(fx.today.plusDays(90), Money.cny("200000.02"))), null);
        // 50 % of 1,000,000.05 is 500,000.025, rounded half up to 500,000.03
        assertEquals(List.of("300000.00", "500000.03", "200000.02"), amounts(plan));
    }

    @Test
    void aPlanThatDoesNotAddUpIsRefusedAndNothingIsWritten() {
        long contract = fx.contract(customer, "li.na", ContractStatus.DRAFT, "1000.00", "CNY");
        ValidationException sum = assertThrows(ValidationException.class, () -> fx.money.setPlan(contract,
                List.of(PlannedInstalment.amount(fx.today, Money.cny("600.00")), PlannedInstalment.amount(fx.today.plusDays(30), Money.cny("399.99"))), null));
        assertTrue(sum.getMessage().contains("999.99") && sum.getMessage().contains("1000.00"), sum.getMessage());
        ValidationException percent = assertThrows(ValidationException.class, () -> fx.money.setPlan(contract,
                List.of(PlannedInstalment.percent(fx.today, "30"), PlannedInstalment.percent(fx.today.plusDays(30), "60")), null));
        assertTrue(percent.getMessage().contains("90"), percent.getMessage());
        ValidationException negative = assertThrows(ValidationException.class, () -> fx.money.setPlan(contract,
                List.of(PlannedInstalment.amount(fx.today, Money.cny("1100.00")), PlannedInstalment.amount(fx.today.plusDays(30), Money.cny("-100.00"))), null));
        assertTrue(negative.errorOf("amount").message().contains("2"), negative.getMessage());
        ValidationException zero = assertThrows(ValidationException.class, () -> fx.money.setPlan(contract,
                List.of(PlannedInstalment.amount(fx.today, Money.cny("1000.00")), PlannedInstalment.percent(fx.today.plusDays(30), "0")), null));
        assertTrue(zero.errorOf("percent") != null, zero.getMessage());
        ValidationException currency = assertThrows(ValidationException.class, () -> fx.money.setPlan(contract,
                List.of(PlannedInstalment.amount(fx.today, Money.of("1000.00", "USD"))), null));
        assertTrue(currency.errorOf("currency").message().contains("USD"), currency.getMessage());
        ValidationException empty = assertThrows(ValidationException.class, () -> fx.money.setPlan(contract, List.of(), null));
        assertTrue(empty.errorOf("plan") != null);
        ValidationException noDate = assertThrows(ValidationException.class, () -> fx.money.setPlan(contract,
                List.of(new PlannedInstalment(null, Money.cny("1000.00"), null, null)), null));
        assertTrue(noDate.errorOf("dueDate") != null);
        assertEquals(0, fx.count("SB_CONTRACT_INSTALMENT"));
    }

    @Test
    void beforeSigningThePlanIsReplacedAfterwardsOnlyByARecordedAmendment() {
        long contract = fx.contract(customer, "li.na", ContractStatus.APPROVED, "1000.00", "CNY");
        fx.money.setPlan(contract, List.of(PlannedInstalment.percent(fx.today.plusDays(10), "50"), PlannedInstalment.percent(fx.today.plusDays(40), "50")), null);
        fx.money.setPlan(contract, List.of(PlannedInstalment.percent(fx.today.plusDays(10), "40"), PlannedInstalment.percent(fx.today.plusDays(40), "60")), null);
        assertEquals(List.of(), fx.money.amendments(contract));
        fx.money.recordReceipt(contract, fx.today, Money.cny("500.00"), org.salesbench.contracts.receivables.ReceiptMethod.BANK_TRANSFER, "B-1");
        fx.status(contract, ContractStatus.SIGNED);

        List<PlannedInstalment> changed = List.of(PlannedInstalment.percent(fx.today.plusDays(10), "20"),
                PlannedInstalment.percent(fx.today.plusDays(40), "30"), PlannedInstalment.percent(fx.today.plusDays(70), "50"));
        ValidationException noReason = assertThrows(ValidationException.class, () -> fx.money.setPlan(contract, changed, " "));
        assertTrue(noReason.errorOf("reason") != null);
        assertEquals(List.of("400.00", "600.00"), amounts(fx.money.plan(contract)));

        fx.people.login = "boss.chen";
        List<Instalment> plan = fx.money.setPlan(contract, changed, "客户要求分三期 / customer asked for three instalments");
        assertEquals(List.of("200.00", "300.00", "500.00"), amounts(plan));
        // the 500 received is written off again, first in first out, on the new plan
        assertEquals(List.of("200.00", "300.00", "0.00"), fx.money.plan(contract).stream().map(i -> i.getPaid().getAmount().setScale(2).toPlainString()).toList());
        List<PlanAmendment> amendments = fx.money.amendments(contract);
        assertEquals(1, amendments.size());
        PlanAmendment a = amendments.get(0);
        assertEquals("boss.chen", a.getCreatedBy());
        assertTrue(a.getCreatedAt() != null);
        assertTrue(a.getReason().startsWith("客户要求"));
        assertTrue(a.getBefore().contains("CNY 400.00") && a.getBefore().contains("(40%)"), a.getBefore());
        assertTrue(a.getAfter().contains("CNY 500.00") && a.getAfter().lines().count() == 3, a.getAfter());

        fx.status(contract, ContractStatus.COMPLETED);
        ValidationException closed = assertThrows(ValidationException.class, () -> fx.money.setPlan(contract, changed, "again"));
        assertTrue(closed.getMessage().contains("COMPLETED"), closed.getMessage());
        assertEquals(1, fx.money.amendments(contract).size());
        assertNull(plan.get(0).getDescription());
    }
}
