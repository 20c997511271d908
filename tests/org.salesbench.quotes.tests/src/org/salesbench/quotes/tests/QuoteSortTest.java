package org.salesbench.quotes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteSort;
import org.salesbench.quotes.QuoteStatus;

/**
 * The customer's quotes list in every order on Derby ({@link QuoteSort}): each column both ways as the database sorts
 * it, the status by its place in a quote's life, ties by id, pages following one order, and the count.
 */
class QuoteSortTest {

    private final QuoteFixture fx = new QuoteFixture();
    private final List<Quote> made = new ArrayList<>();
    private long customerId;

    @AfterEach
    void close() {
        fx.close();
    }

    @BeforeEach
    void quotes() {
        customerId = fx.opportunity.getCustomer().getId();
        Opportunity other = fx.db.write(em -> {
            Opportunity o = new Opportunity(em.find(org.salesbench.customers.Customer.class, customerId), "Alpha rollout", Money.cny("90000"));
            Opportunity first = em.find(Opportunity.class, fx.opportunity.getId());
            o.setPipeline(first.getPipeline());
            o.setStage(first.getStage());
            o.setProbability(first.getProbability());
            em.persist(o);
            return o;
        });
        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        String[][] rows = { // quantity, days valid, on the other opportunity
            {"3", "40", "no"}, {"1", "10", "yes"}, {"7", "20", "no"}, {"2", "30", "yes"}};
        for (String[] r : rows) {
            Quote draft = r[2].equals("yes") ? new Quote(other, LocalDate.now(Clocks.system()).plusDays(Long.parseLong(r[1])))
                    : fx.draft();
            draft.setValidUntil(LocalDate.now(Clocks.system()).plusDays(Long.parseLong(r[1])));
            draft.addLine(QuoteFixture.line(erp, r[0], "1000", "0", "13"));
            made.add(fx.quotes.createDraft(draft));
        }
        made.add(fx.quotes.newVersion(made.get(0).getId())); // version 2 of the first opportunity
        fx.quotes.submitForApproval(made.get(2).getId());
        made.replaceAll(q -> fx.quotes.find(q.getId()).orElseThrow());
    }

    private List<Long> listed(QuoteSort sort) {
        return fx.quotes.listForCustomer(customerId, sort, 0, 100).stream().map(Quote::getId).toList();
    }

    private List<Long> expected(Comparator<Quote> key, boolean ascending) {
        Comparator<Quote> order = key.thenComparing(Quote::getId);
        return made.stream().sorted(ascending ? order : order.reversed()).map(Quote::getId).toList();
    }

    @Test
    void everyColumnSortsBothWaysInTheDatabase() {
        for (boolean up : new boolean[] {true, false}) {
            assertEquals(expected(Comparator.comparing(q -> q.getOpportunity().getName()), up),
                    listed(new QuoteSort(QuoteSort.Column.OPPORTUNITY, up)), "opportunity " + up);
            assertEquals(expected(Comparator.comparingInt(Quote::getVersionNumber), up), listed(new QuoteSort(QuoteSort.Column.VERSION, up)),
                    "version " + up);
            assertEquals(expected(Comparator.comparing(Quote::getStatus), up), listed(new QuoteSort(QuoteSort.Column.STATUS, up)), "status " + up);
            assertEquals(expected(Comparator.comparing(q -> q.getGrandTotal().getAmount()), up), listed(new QuoteSort(QuoteSort.Column.TOTAL, up)),
                    "total " + up);
            assertEquals(expected(Comparator.comparing(q -> q.getNetTotal().getAmount()), up), listed(new QuoteSort(QuoteSort.Column.NET, up)),
                    "net " + up);
            assertEquals(expected(Comparator.comparing(Quote::getValidUntil), up), listed(new QuoteSort(QuoteSort.Column.VALID_UNTIL, up)),
                    "valid until " + up);
            assertEquals(expected(Comparator.comparing(Quote::getCreatedAt), up), listed(new QuoteSort(QuoteSort.Column.CREATED, up)),
                    "created " + up);
        }
    }

    @Test
    void theStatusSortsByItsPlaceAndTheListsOwnOrderIsNewestFirst() {
        List<QuoteStatus> statuses = fx.quotes.listForCustomer(customerId, new QuoteSort(QuoteSort.Column.STATUS, false), 0, 100).stream()
                .map(Quote::getStatus).toList();
        QuoteStatus submitted = made.get(2).getStatus();
        assertEquals(submitted, statuses.get(0), "the submitted quote is further in its life than the drafts");
        assertEquals(listed(QuoteSort.DEFAULT), fx.quotes.listForCustomer(customerId).stream().map(Quote::getId).toList());
        assertEquals(expected(Comparator.comparing(Quote::getCreatedAt), false), listed(QuoteSort.DEFAULT));
    }

    @Test
    void aDealsQuotesSortInTheDatabaseTooLatestVersionFirstByDefault() {
        long deal = fx.opportunity.getId();
        List<Quote> ofDeal = made.stream().filter(q -> q.getOpportunity().getId() == deal).toList();
        assertEquals(3, ofDeal.size());
        for (boolean up : new boolean[] {true, false}) {
            for (QuoteSort.Column column : QuoteSort.Column.values()) {
                Comparator<Quote> key = switch (column) {
                    case OPPORTUNITY -> Comparator.comparing(q -> q.getOpportunity().getName());
                    case VERSION -> Comparator.comparingInt(Quote::getVersionNumber);
                    case STATUS -> Comparator.comparing(Quote::getStatus);
                    case NET -> Comparator.comparing(q -> q.getNetTotal().getAmount());
                    case TOTAL -> Comparator.comparing(q -> q.getGrandTotal().getAmount());
                    case VALID_UNTIL -> Comparator.comparing(Quote::getValidUntil);
                    case CREATED -> Comparator.comparing(Quote::getCreatedAt);
                };
                Comparator<Quote> order = key.thenComparing(Quote::getId);
                assertEquals(ofDeal.stream().sorted(up ? order : order.reversed()).map(Quote::getId).toList(),
                        fx.quotes.listForOpportunity(deal, new QuoteSort(column, up)).stream().map(Quote::getId).toList(), column + " " + up);
            }
        }
        List<Integer> versions = fx.quotes.listForOpportunity(deal).stream().map(Quote::getVersionNumber).toList();
        assertEquals(versions.stream().sorted(Comparator.reverseOrder()).toList(), versions, "the deal's own order: the latest version first");
        assertEquals(ofDeal.stream().mapToInt(Quote::getVersionNumber).max().orElseThrow(), versions.get(0));
    }

    @Test
    void pagesFollowTheSortAndTheCountIsTheCustomers() {
        QuoteSort byTotal = new QuoteSort(QuoteSort.Column.TOTAL, false);
        List<Long> pages = new ArrayList<>();
        for (int offset = 0; offset < made.size(); offset += 2) {
            fx.quotes.listForCustomer(customerId, byTotal, offset, 2).forEach(q -> pages.add(q.getId()));
        }
        assertEquals(listed(byTotal), pages);
        assertEquals(made.size(), fx.quotes.countForCustomer(customerId));
        assertEquals(0, fx.quotes.countForCustomer(customerId + 1000));
        assertThrows(IllegalArgumentException.class, () -> new QuoteSort(null, true));
    }
}
