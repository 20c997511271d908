package org.salesbench.customers.internal.search;

import java.util.Set;

import org.salesbench.customers.CustomerRow;

/**
 * What the search index holds of one customer: its list row, the terms it is found by, its tags, and its folded name
 * (the stored {@code NORMALIZED_NAME}) it is looked up by exactly.
 */
record IndexedCustomer(CustomerRow row, Set<String> terms, Set<String> tags, String normalizedName) {
}
