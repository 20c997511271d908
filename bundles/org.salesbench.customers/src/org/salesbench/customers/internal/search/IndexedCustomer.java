package org.salesbench.customers.internal.search;

import java.util.Set;

import org.salesbench.customers.CustomerRow;

/**
 * What the search index holds of one customer: its list row, the terms it is found by, its tags, and the folded
 * names it is looked up by exactly (the stored {@code NORMALIZED_NAME}, and the name folded now when that differs).
 */
record IndexedCustomer(CustomerRow row, Set<String> terms, Set<String> tags, Set<String> normalizedNames) {
}
