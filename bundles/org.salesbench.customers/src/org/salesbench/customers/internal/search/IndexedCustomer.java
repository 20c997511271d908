package org.salesbench.customers.internal.search;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.internal.SearchTerms;

/**
 * What the search index holds of one customer: its list row, the terms it is found by (by source, see
 * {@link org.salesbench.customers.internal.SearchTerms#SOURCES}), its tags, and its folded name
 * (the stored {@code NORMALIZED_NAME}) it is looked up by exactly.
 */
public record IndexedCustomer(CustomerRow row, java.util.Map<String, Set<String>> terms, Set<String> tags, String normalizedName) {

    /**
     * A new customer as a bulk load wrote it (version 1, not in the recycle bin, no contacts yet), without reading it
     * back: the same document {@link CustomerLoader} makes of the stored row.
     */
    public static IndexedCustomer written(long id, Customer c, String owner, Instant updatedAt) {
        CustomerRow row = new CustomerRow(id, c.getName(), c.getShortName(), c.getGrade(), c.getStatus(), c.getIndustry(), c.getRegion(), owner,
                c.getNextFollowUp(), updatedAt, 1L);
        return new IndexedCustomer(row, SearchTerms.bySource(c), new LinkedHashSet<>(c.getTags()), c.getNormalizedName());
    }
}
