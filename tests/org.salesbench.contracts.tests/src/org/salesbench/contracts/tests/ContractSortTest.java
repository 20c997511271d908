package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.contracts.ContractSort;
import org.salesbench.contracts.ContractStatus;

/**
 * The contract list sorted in the database by any of the grid's columns, both ways: every page follows the order, the
 * status sorts by its place in a contract's life (not by its code), a filter and an order go together.
 */
class ContractSortTest {

    private ContractFixture fx;
    private final List<Contract> made = new ArrayList<>();

    @BeforeEach
    void open() {
        fx = new ContractFixture();
        fx.as(ContractFixture.ADMIN);
        // the amounts, names and statuses in different orders: approved "Beta" 900, draft "Alpha" 300, draft "Delta"
        // 50 submitted for approval, approved "Gamma" 120 then signed
        made.add(fx.approvedContract("Beta", "900"));
        fx.as(ContractFixture.REP);
        made.add(fx.contracts.createFromOpportunity(fx.deal("Alpha", "300", true).getId()));
        Contract delta = fx.contracts.createFromOpportunity(fx.deal("Delta", "50", true).getId());
        made.add(fx.contracts.submitForApproval(delta.getId()));
        fx.as(ContractFixture.ADMIN);
        Contract gamma = fx.approvedContract("Gamma", "120");
        made.add(fx.contracts.sign(gamma.getId(), fx.today().minusDays(3)));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<String> titles(ContractSort sort) {
        return fx.contracts.list(ContractFilter.all(), sort, 0, 10).stream().map(Contract::getTitle).toList();
    }

    private <T extends Comparable<T>> List<String> expected(Function<Contract, T> key, boolean ascending) {
        List<Contract> all = fx.contracts.list(ContractFilter.all(), 0, 10);
        // NULL sorts as the largest value (Derby, PostgreSQL)
        Comparator<Contract> order = Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
        order = order.thenComparing(Contract::getId);
        return all.stream().sorted(ascending ? order : order.reversed()).map(Contract::getTitle).toList();
    }

    @Test
    void everyColumnSortsBothWays() {
        assertEquals(4, fx.contracts.count(ContractFilter.all()));
        for (boolean ascending : new boolean[] {true, false}) {
            assertEquals(expected(Contract::getNumber, ascending), titles(new ContractSort(ContractSort.Column.NUMBER, ascending)));
            assertEquals(expected(c -> c.getCustomer().getName(), ascending), titles(new ContractSort(ContractSort.Column.CUSTOMER, ascending)));
            assertEquals(expected(Contract::getTitle, ascending), titles(new ContractSort(ContractSort.Column.TITLE, ascending)));
            assertEquals(expected(Contract::getAmount, ascending), titles(new ContractSort(ContractSort.Column.AMOUNT, ascending)));
            assertEquals(expected(Contract::getStatus, ascending), titles(new ContractSort(ContractSort.Column.STATUS, ascending)));
            assertEquals(expected(Contract::getSignedOn, ascending), titles(new ContractSort(ContractSort.Column.SIGNED_ON, ascending)));
            assertEquals(expected(Contract::getOwner, ascending), titles(new ContractSort(ContractSort.Column.OWNER, ascending)));
            assertEquals(expected(Contract::getStartDate, ascending), titles(new ContractSort(ContractSort.Column.START_DATE, ascending)));
            assertEquals(expected(Contract::getEndDate, ascending), titles(new ContractSort(ContractSort.Column.END_DATE, ascending)));
        }
        // spelled out once, so that the comparisons above cannot agree with a wrong model by accident
        assertEquals(List.of("Delta", "Gamma", "Alpha", "Beta"), titles(new ContractSort(ContractSort.Column.AMOUNT, true)), "amounts as numbers");
        assertEquals(List.of("Alpha", "Delta", "Beta", "Gamma"), titles(new ContractSort(ContractSort.Column.STATUS, true)),
                "draft, in approval, approved, signed: the life's order, not the codes' alphabet");
        assertEquals(List.of(ContractStatus.DRAFT, ContractStatus.IN_APPROVAL, ContractStatus.APPROVED, ContractStatus.SIGNED),
                fx.contracts.list(ContractFilter.all(), new ContractSort(ContractSort.Column.STATUS, true), 0, 10).stream().map(Contract::getStatus).toList());
        assertEquals(List.of("Gamma", "Delta", "Alpha", "Beta"), titles(ContractSort.DEFAULT), "newest first by default");
        assertEquals(titles(ContractSort.DEFAULT), titles(null));
    }

    @Test
    void everyPageFollowsTheOrderAndTheFilterStill() {
        ContractSort byTitle = new ContractSort(ContractSort.Column.TITLE, false);
        List<String> pages = new ArrayList<>();
        pages.addAll(fx.contracts.list(ContractFilter.all(), byTitle, 0, 2).stream().map(Contract::getTitle).toList());
        pages.addAll(fx.contracts.list(ContractFilter.all(), byTitle, 2, 2).stream().map(Contract::getTitle).toList());
        assertEquals(List.of("Gamma", "Delta", "Beta", "Alpha"), pages);

        ContractFilter drafts = ContractFilter.all().withStatus(ContractStatus.DRAFT);
        assertEquals(List.of("Alpha"), fx.contracts.list(drafts, byTitle, 0, 10).stream().map(Contract::getTitle).toList());
        ContractFilter ta = ContractFilter.all().withText("TA");
        assertEquals(List.of("Beta", "Delta"), fx.contracts.list(ta, new ContractSort(ContractSort.Column.CUSTOMER, true), 0, 10)
                .stream().map(Contract::getTitle).toList());
        assertThrows(IllegalArgumentException.class, () -> new ContractSort(null, true));
    }
}
