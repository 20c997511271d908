package org.salesbench.opportunities.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.opportunities.ForecastCategory;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadFilter;
import org.salesbench.opportunities.LeadRow;
import org.salesbench.opportunities.LeadSort;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.OpportunityRow;
import org.salesbench.opportunities.OpportunitySort;
import org.salesbench.opportunities.OpportunitySort.Column;
import org.salesbench.opportunities.Pipeline;

/** The opportunity list sorted in the database by each column, page after page, on Derby. */
class OpportunitySortTest {

    private OpportunityFixture fx;
    private Pipeline nb;
    private final LocalDate today = LocalDate.now(Clocks.system());

    @BeforeEach
    void open() {
        fx = new OpportunityFixture();
        nb = fx.newBusiness();
        Customer c = fx.customer("丙公司");
        Customer a = fx.customer("Alpha Ltd");
        Customer b = fx.customer("Beta GmbH");
        make(c, "one", "300.00", 30, "zhao", "Proposal", ForecastCategory.COMMIT, 1);
        make(a, "two", "100.00", 10, "wang", "Qualification", ForecastCategory.PIPELINE, 2);
        make(b, "three", "200.00", 20, "li", "Needs analysis", ForecastCategory.BEST_CASE, 3);
        make(a, "four", "50.00", 40, "chen", "Qualification", ForecastCategory.PIPELINE, 4); // Negotiation needs a quote
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private void make(Customer customer, String name, String amount, int days, String owner, String stage, ForecastCategory category,
            int probability) {
        Opportunity o = fx.opportunity(customer, name, amount, today.plusDays(days));
        o.setOwner(owner);
        o.setForecastCategory(category);
        o.setProbability(probability);
        Opportunity saved = fx.opportunities.create(o);
        if (!stage.equals("Qualification")) {
            fx.opportunities.moveToStage(saved.getId(), OpportunityFixture.stage(nb, stage).getId());
        }
    }

    private List<String> names(Column column, boolean ascending) {
        return fx.opportunities.page(OpportunityFilter.ALL, new OpportunitySort(column, ascending), 0, 10).stream().map(OpportunityRow::name).toList();
    }

    @Test
    void everyColumnSortsTheWholeListBothWays() {
        assertEquals(List.of("two", "four", "three", "one"), names(Column.CUSTOMER, true), "Alpha (ties by id), Beta, 丙");
        assertEquals(List.of("one", "three", "four", "two"), names(Column.CUSTOMER, false));
        assertEquals(List.of("four", "one", "three", "two"), names(Column.NAME, true));
        assertEquals(List.of("four", "two", "three", "one"), names(Column.AMOUNT, true));
        assertEquals(List.of("one", "three", "two", "four"), names(Column.AMOUNT, false));
        assertEquals(List.of("two", "four", "three", "one"), names(Column.STAGE, true), "the stages' order in the pipeline, ties by id");
        assertEquals(List.of("one", "three", "four", "two"), names(Column.STAGE, false));
        assertEquals(List.of("two", "three", "one", "four"), names(Column.CLOSE_DATE, true));
        assertEquals(List.of("four", "one", "three", "two"), names(Column.CLOSE_DATE, false));
        assertEquals(List.of("four", "three", "two", "one"), names(Column.OWNER, true));
        assertEquals(List.of("one", "two", "three", "four"), names(Column.OWNER, false));
        assertEquals(names(Column.CLOSE_DATE, true), fx.opportunities.page(OpportunityFilter.ALL, null, 0, 10).stream().map(OpportunityRow::name).toList(),
                "no sort is the default order");
    }

    @Test
    void pagesFollowTheSortAndTheFilterStillApplies() {
        List<String> all = names(Column.NAME, false);
        List<String> paged = new java.util.ArrayList<>();
        for (int offset = 0; offset < 4; offset += 3) {
            fx.opportunities.page(OpportunityFilter.ALL, new OpportunitySort(Column.NAME, false), offset, 3).forEach(r -> paged.add(r.name()));
        }
        assertEquals(all, paged, "the second page continues the sorted order, not a sort of its own rows");
        OpportunityFilter alpha = new OpportunityFilter("alpha", null, Set.of(), Set.of(), Set.of(), false, false);
        assertEquals(List.of("two", "four"), fx.opportunities.page(alpha, new OpportunitySort(Column.AMOUNT, false), 0, 10).stream()
                .map(OpportunityRow::name).toList(), "the search (which joins the customer) and the sort together");
        assertEquals(List.of("four", "two"), fx.opportunities.page(alpha, new OpportunitySort(Column.CUSTOMER, false), 0, 10).stream()
                .map(OpportunityRow::name).toList(), "the customer join of the search and of the sort is one join");
        assertThrows(IllegalArgumentException.class, () -> new OpportunitySort(null, true));
    }

    @Test
    void theLeadListSortsByAnyColumnInTheDatabase() {
        String[][] made = {{"Cedar Co", "教育"}, {"Aspen Ltd", "零售"}, {"Birch AG", "制造"}};
        for (String[] m : made) {
            Lead lead = new Lead(m[0]);
            lead.setIndustry(m[1]);
            fx.leads.create(lead);
        }
        java.util.function.BiFunction<LeadSort.Column, Boolean, List<String>> companies = (column, ascending) -> fx.leads
                .page(LeadFilter.ALL, new LeadSort(column, ascending), 0, 10).stream().map(LeadRow::company).toList();
        assertEquals(List.of("Aspen Ltd", "Birch AG", "Cedar Co"), companies.apply(LeadSort.Column.COMPANY, true));
        assertEquals(List.of("Cedar Co", "Birch AG", "Aspen Ltd"), companies.apply(LeadSort.Column.COMPANY, false));
        assertEquals(List.of("Birch AG", "Aspen Ltd", "Cedar Co"), companies.apply(LeadSort.Column.CREATED, false), "newest first");
        assertEquals(List.of("Birch AG", "Aspen Ltd", "Cedar Co"), fx.leads.page(LeadFilter.ALL, null, 0, 10).stream().map(LeadRow::company).toList(),
                "no sort is the default order, newest first");
        assertEquals(List.of("Birch AG", "Cedar Co", "Aspen Ltd"), companies.apply(LeadSort.Column.INDUSTRY, true), "制造 < 教育 < 零售 by code point");
        assertEquals(List.of("Birch AG"), fx.leads.page(LeadFilter.ALL, new LeadSort(LeadSort.Column.COMPANY, true), 1, 1).stream()
                .map(LeadRow::company).toList(), "the second page of one row");
    }
}
