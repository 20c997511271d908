package org.salesbench.analytics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerSort;
import org.salesbench.opportunities.BoardFilter;
import org.salesbench.opportunities.OpportunityFilter;

/**
 * Strings an attacker would type into every search and filter field the services take: they match nothing (or
 * what they literally say) and change nothing; an over-long name is refused naming the field, with nothing written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    static final List<String> HOSTILE = List.of("' OR '1'='1", "'; DROP TABLE SB_CUSTOMER; --", "\" OR 1=1 --", "%' OR OWNER LIKE '%",
            "li.wei' --", "1; DELETE FROM SB_OPPORTUNITY", "') UNION SELECT NAME FROM SB_USER --", "*:*", "\\u0000");

    private SalesData data;

    @BeforeAll
    void fill() {
        data = new SalesData();
    }

    @AfterAll
    void close() {
        data.close();
    }

    @Test
    void injectionInEveryFilterFieldMatchesNothingAndChangesNothing() {
        long customers = data.customers.count(CustomerFilter.ALL);
        long deals = data.opportunities.count(OpportunityFilter.ALL);
        for (String hostile : HOSTILE) {
            CustomerFilter filter = new CustomerFilter(hostile, Set.of(hostile), Set.of(), hostile, hostile, false);
            assertEquals(0, data.customers.count(filter), hostile);
            assertTrue(data.customers.page(filter, CustomerSort.DEFAULT, 0, 50).isEmpty(), hostile);
            // the text is words to look for, never a query language: punctuation alone has no word, like an empty box
            int expected = hostile.replaceAll("\\p{Punct}", "").isBlank() ? (int) customers : 0;
            assertEquals(expected, data.customers.page(CustomerFilter.text(hostile), CustomerSort.DEFAULT, 0, 50).size(), hostile);
            assertTrue(data.customers.idsByName(hostile).isEmpty(), hostile);
            assertTrue(data.customers.idsByCreditCode(hostile).isEmpty(), hostile);
            OpportunityFilter deal = new OpportunityFilter(hostile, null, Set.of(), Set.of(), Set.of(hostile), false, false);
            assertEquals(0, data.opportunities.count(deal), hostile);
            assertEquals(0, data.opportunities.board(data.newBusiness.getId(), new BoardFilter(Set.of(hostile), false, false), 5)
                    .columns().stream().mapToLong(c -> c.count()).sum(), hostile);
            var won = data.reports.run("won-revenue", ReportFilter.all().withPeriod(SalesData.Q1_FROM, SalesData.Q1_TO).withOwner(hostile));
            assertNotNull(won);
            assertTrue(won.rows().isEmpty(), hostile + " " + won.rows());
        }
        assertEquals(customers, data.customers.count(CustomerFilter.ALL), "no customer changed");
        assertEquals(deals, data.opportunities.count(OpportunityFilter.ALL), "no deal changed");
    }

    @Test
    void anOverLongNameIsRefusedAndNothingIsWritten() {
        long before = data.customers.count(CustomerFilter.ALL);
        ValidationException e = assertThrows(ValidationException.class, () -> data.customers.create(new Customer("名".repeat(300))));
        assertNotNull(e.errorOf("name"), e.getMessage());
        assertEquals(before, data.customers.count(CustomerFilter.ALL));
    }
}
