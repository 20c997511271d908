package org.salesbench.analytics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.internal.MetricCatalogueImpl;
import org.salesbench.analytics.internal.ReportServiceImpl;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.opportunities.BoardFilter;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.internal.ForecastServiceImpl;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;

/**
 * A hidden field cannot be read back through what filters, sorts or groups by it: customers of grade A, customers
 * ordered by grade, deals closing this quarter, revenue by industry. Each refusal names the user and the field; the
 * same lists and reports on visible fields still answer. On Derby with the real services and {@link SalesData}.
 */
class FieldRulesInFiltersTest {

    /** Every right; the customer's grade and industry and the opportunity's expected close date hidden. */
    private static final SecurityService HIDING = new SecurityService() {
        @Override
        public CurrentUser currentUser() {
            return new CurrentUser("intern", "Intern");
        }

        @Override
        public boolean isPermitted(Action action, String entity, String owner) {
            return true;
        }

        @Override
        public Map<String, FieldAccess> fieldRules(String entity) {
            return switch (entity) {
                case "customer" -> Map.of("grade", FieldAccess.HIDDEN, "industry", FieldAccess.HIDDEN);
                case "opportunity" -> Map.of("expectedCloseDate", FieldAccess.HIDDEN);
                default -> Map.of();
            };
        }
    };

    private final SalesData data = new SalesData();
    private final CustomerServiceImpl customers = new CustomerServiceImpl(data.db, HIDING, data.publisher);
    private final OpportunityServiceImpl opportunities = new OpportunityServiceImpl(data.db, HIDING, data.publisher);
    private final ReportServiceImpl reports = new ReportServiceImpl(data.db, HIDING, new MetricCatalogueImpl(),
            new ForecastServiceImpl(data.db, HIDING));

    @AfterEach
    void close() {
        data.close();
    }

    @Test
    void aFilterOnAHiddenFieldIsRefusedNamingIt() {
        CustomerFilter gradeA = new CustomerFilter(null, Set.of("A"), Set.of(), null, null, false);
        AccessDeniedException list = assertThrows(AccessDeniedException.class, () -> customers.page(gradeA, CustomerSort.DEFAULT, 0, 10));
        assertEquals("intern may not filter or group customer records by \"grade\": their roles hide that field.", list.getMessage());
        assertThrows(AccessDeniedException.class, () -> customers.count(gradeA), "the count would tell as much");
        assertThrows(AccessDeniedException.class, () -> customers.ids(gradeA, CustomerSort.DEFAULT), "the list's id snapshot");

        OpportunityFilter closing = new OpportunityFilter(null, null, Set.of(), Set.of(), Set.of(), true, false);
        AccessDeniedException deals = assertThrows(AccessDeniedException.class, () -> opportunities.page(closing, 0, 10));
        assertTrue(deals.getMessage().contains("\"expectedCloseDate\""), deals.getMessage());
        assertThrows(AccessDeniedException.class, () -> opportunities.board(data.newBusiness.getId(), new BoardFilter(Set.of(), false, true), 10),
                "the board's overdue filter");

        // filters on what the user sees still answer
        assertEquals(2, customers.count(new CustomerFilter(null, Set.of(), Set.of(), "li.wei", null, false)), "C1 and C4 are li.wei's");
        assertEquals(7, opportunities.count(new OpportunityFilter(null, null, Set.of(), Set.of(), Set.of("li.wei"), false, false)),
                "li.wei's deals D1, D2, D7, D10, L1, L4 and O1");
    }

    @Test
    void aHiddenSortColumnListsInTheDefaultOrder() {
        List<String> byName = customers.page(CustomerFilter.ALL, CustomerSort.DEFAULT, 0, 10).stream().map(CustomerRow::name).toList();
        List<String> byGradeDescending = customers.page(CustomerFilter.ALL, new CustomerSort(CustomerSort.Column.GRADE, false), 0, 10)
                .stream().map(CustomerRow::name).toList();
        assertEquals(byName, byGradeDescending, "grade order (C, B, A) would rank what the blank column holds");
        assertFalse(data.customers.page(CustomerFilter.ALL, new CustomerSort(CustomerSort.Column.GRADE, false), 0, 10).stream()
                .map(CustomerRow::name).toList().equals(byName), "without the rule the grade order differs from the name order");
    }

    @Test
    void aReportGroupedByAHiddenFieldIsRefused() {
        AccessDeniedException byIndustry = assertThrows(AccessDeniedException.class,
                () -> reports.run("customer-profile", ReportFilter.all().withBy("industry")));
        assertEquals("intern may not filter or group customer records by \"industry\": their roles hide that field.", byIndustry.getMessage());
        assertThrows(AccessDeniedException.class, () -> reports.run("customer-profile", ReportFilter.all().withBy("grade")));
        assertThrows(AccessDeniedException.class, () -> reports.run("customer-profile", ReportFilter.all()),
                "the report's default grouping is by industry");
        assertEquals(Set.of("华东", "华北", "华南", "西南"), Set.copyOf(Results.labels(reports.run("customer-profile",
                ReportFilter.all().withBy("region")))), "by a visible field the report answers");
    }
}
