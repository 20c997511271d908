package org.salesbench.customers.internal.search;

import java.util.Set;

import org.salesbench.customers.CustomerRow;

/**
 * What the search index holds of one customer: its list row, the terms it is found by (by source, see
 * {@link org.salesbench.customers.internal.SearchTerms#SOURCES}), its tags, and its folded name
 * (the stored {@code NORMALIZED_NAME}) it is looked up by exactly.
 */
record IndexedCustomer(CustomerRow row, java.util.Map<String, Set<String>> terms, Set<String> tags, String normalizedName) {
}
