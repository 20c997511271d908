package org.salesbench.contracts.tests.receivables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.internal.receivables.ContractExpiringRule;
import org.salesbench.contracts.internal.receivables.InstalmentOverdueRule;
import org.salesbench.contracts.receivables.Instalment;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.workflow.reminders.ReminderContext;
import org.salesbench.workflow.reminders.ReminderOccurrence;

/** The reminder rules contracts contribute to the workflow: an instalment overdue, a contract about to end. */
class ReceivablesRemindersTest {

    private final MoneyFixture fx = new MoneyFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private ReminderContext context(int days) {
        return new ReminderContext() {
            @Override
            public Instant now() {
                return Instant.now(Clocks.system());
            }

            @Override
            public ZoneId zone() {
                return ZoneId.systemDefault();
            }

            @Override
            public int days() {
                return days;
            }

            @Override
            public <T> T read(Function<EntityManager, T> query) {
                return fx.db.read(query);
            }
        };
    }

    private static boolean contributed(String id, String days) {
        return java.util.Arrays.stream(org.eclipse.core.runtime.RegistryFactory.getRegistry().getConfigurationElementsFor("org.salesbench.workflow.reminderRules"))
                .anyMatch(e -> id.equals(e.getAttribute("id")) && days.equals(e.getAttribute("days")));
    }

    @Test
    void anOpenInstalmentPastDueRemindsTheContractOwnerOncePerInstalment() {
        long customer = fx.customer("杭州湖畔茶业有限公司");
        long contract = fx.contract(customer, "li.na", ContractStatus.APPROVED, "900.00", "CNY");
        fx.money.setPlan(contract, List.of(PlannedInstalment.amount(fx.today.minusDays(20), Money.cny("300.00")),
                PlannedInstalment.amount(fx.today.minusDays(3), Money.cny("300.00")), PlannedInstalment.amount(fx.today.plusDays(3), Money.cny("300.00"))), null);
        fx.money.recordReceipt(contract, fx.today, Money.cny("300.00"), ReceiptMethod.BANK_TRANSFER, null); // pays the first
        long draft = fx.contract(customer, "li.na", ContractStatus.DRAFT, "100.00", "CNY");
        fx.money.setPlan(draft, List.of(PlannedInstalment.amount(fx.today.minusDays(3), Money.cny("100.00"))), null);

        List<ReminderOccurrence> due = new InstalmentOverdueRule().due(context(90));
        assertEquals(1, due.size(), due.toString());
        ReminderOccurrence o = due.get(0);
        Instalment second = fx.money.plan(contract).get(1);
        assertEquals("instalment:" + second.getId(), o.occurrenceKey());
        assertEquals("li.na", o.assignee());
        assertEquals(contract, o.record().id());
        assertEquals("contract", o.record().entity());
        assertTrue(o.title().contains("300.00") && o.title().contains(fx.today.minusDays(3).toString()), o.title());
        // beyond the rule's days it no longer reminds
        assertEquals(0, new InstalmentOverdueRule().due(context(2)).size());
        assertTrue(contributed("instalmentOverdue", "90"), "contributed to the workflow's point");
    }

    @Test
    void aRunningContractEndingWithinTheDaysRemindsItsOwnerToRenew() {
        long customer = fx.customer("宁波港口物流有限公司");
        long ending = fx.contract(customer, "wang.wei", ContractStatus.ACTIVE, "100.00", "CNY");
        fx.endDate(ending, fx.today.plusDays(20));
        long later = fx.contract(customer, "wang.wei", ContractStatus.ACTIVE, "100.00", "CNY");
        fx.endDate(later, fx.today.plusDays(60));
        long draft = fx.contract(customer, "wang.wei", ContractStatus.DRAFT, "100.00", "CNY");
        fx.endDate(draft, fx.today.plusDays(5));
        List<ReminderOccurrence> due = new ContractExpiringRule().due(context(30));
        assertEquals(1, due.size(), due.toString());
        assertEquals("contract:" + ending + ":" + fx.today.plusDays(20), due.get(0).occurrenceKey());
        assertEquals("wang.wei", due.get(0).assignee());
        assertTrue(contributed("contractExpiring", "30"), "contributed with 30 days");
    }
}
