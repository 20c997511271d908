package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.core.model.Money;

/**
 * The Contracts view's filters in the model: ending within N days (signed or running contracts whose end date is today
 * or within N days; a draft or a contract ended yesterday is not), overdue (an instalment owed now and due before today;
 * one paid in full, or due today, is not), with mine and status alike, in the list and its count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractListFiltersTest {

    private ContractFixture fx;
    private Contract endsIn10;
    private Contract endsIn40;
    private Contract endedYesterday;
    private Contract approvedEndsIn5;
    private Contract overdue;
    private Contract paidUp;

    @BeforeAll
    void contracts() {
        fx = new ContractFixture();
        fx.as(ContractFixture.ADMIN);
        LocalDate today = fx.today();
        endsIn10 = signed("十天后到期", today.plusDays(10));
        endsIn40 = signed("四十天后到期", today.plusDays(40));
        endedYesterday = signed("昨日已到期", today.minusDays(1));
        approvedEndsIn5 = ending(fx.approvedContract("已审批未签", "1000"), today.plusDays(5));
        // money past due on one, the same plan paid in full on the other; both also due today and later
        overdue = fx.approvedContract("逾期合同", "3000");
        fx.money.setPlan(overdue.getId(), List.of(PlannedInstalment.percent(today.minusDays(3), "50"), PlannedInstalment.percent(today, "50")), null);
        fx.money.recordReceipt(overdue.getId(), today.minusDays(10), Money.cny("1000.00"), ReceiptMethod.BANK_TRANSFER, "P-1");
        paidUp = fx.approvedContract("已付清合同", "3000");
        fx.money.setPlan(paidUp.getId(), List.of(PlannedInstalment.percent(today.minusDays(3), "50"), PlannedInstalment.percent(today, "50")), null);
        fx.money.recordReceipt(paidUp.getId(), today.minusDays(10), Money.cny("1500.00"), ReceiptMethod.BANK_TRANSFER, "P-2");
    }

    @AfterAll
    void close() {
        fx.close();
    }

    private Contract signed(String name, LocalDate end) {
        Contract c = fx.approvedContract(name, "2000");
        fx.contracts.sign(c.getId(), fx.today().minusDays(100));
        return ending(c, end);
    }

    private Contract ending(Contract c, LocalDate end) {
        return fx.db.write(em -> {
            Contract found = em.find(Contract.class, c.getId());
            found.setStartDate(fx.today().minusDays(200));
            found.setEndDate(end);
            return found;
        });
    }

    private Set<String> titles(ContractFilter filter) {
        List<Contract> listed = fx.contracts.list(filter, 0, 100);
        assertEquals(listed.size(), fx.contracts.count(filter), "the count agrees with the list");
        return listed.stream().map(Contract::getTitle).collect(Collectors.toSet());
    }

    @Test
    void endingWithinDaysKeepsSignedAndRunningContractsEndingSoon() {
        assertEquals(Set.of(endsIn10.getTitle()), titles(ContractFilter.all().expiringWithin(30)));
        assertEquals(Set.of(endsIn10.getTitle(), endsIn40.getTitle()), titles(ContractFilter.all().expiringWithin(40)));
        assertEquals(Set.of(), titles(ContractFilter.all().expiringWithin(9)));
        assertEquals(Set.of(endsIn10.getTitle()), titles(ContractFilter.all().expiringWithin(10)), "the last day counts");
        assertEquals(Set.of(endsIn10.getTitle()), titles(ContractFilter.all().expiringWithin(30).withStatus(ContractStatus.SIGNED)));
        assertEquals(Set.of(), titles(ContractFilter.all().expiringWithin(30).withStatus(ContractStatus.ACTIVE)));
        assertEquals(Set.of(), titles(ContractFilter.all().expiringWithin(30).mine(true)), "the administrator owns none of them");
        assertThrows(IllegalArgumentException.class, () -> ContractFilter.all().expiringWithin(-1));
        // a contract started running still counts; the approved one, not yet signed, does not
        fx.contracts.activate(endsIn40.getId());
        assertEquals(Set.of(endsIn10.getTitle(), endsIn40.getTitle()), titles(ContractFilter.all().expiringWithin(60)));
        assertEquals(6, titles(ContractFilter.all()).size());
        assertEquals(Set.of(), titles(ContractFilter.all().expiringWithin(60).withStatus(ContractStatus.APPROVED)), approvedEndsIn5.getTitle());
        assertEquals(Set.of(), titles(ContractFilter.all().expiringWithin(0)), endedYesterday.getTitle());
    }

    @Test
    void overdueKeepsContractsWithMoneyPastDue() {
        assertEquals(Set.of(overdue.getTitle()), titles(ContractFilter.all().overdue(true)));
        assertEquals(Set.of(overdue.getTitle()), titles(ContractFilter.all().overdue(true).withText("逾期")));
        assertEquals(Set.of(), titles(ContractFilter.all().overdue(true).withText(paidUp.getTitle())));
        fx.as(ContractFixture.REP);
        assertEquals(Set.of(overdue.getTitle()), titles(ContractFilter.all().overdue(true).mine(true)), "the rep owns the contracts made from their deals");
        fx.as(ContractFixture.ADMIN);
    }
}
