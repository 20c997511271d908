package org.salesbench.customers.internal.search;

import java.util.Set;

import org.salesbench.customers.CustomerRow;

/** What the search index holds of one customer: its list row, the terms it is found by, and its tags. */
record IndexedCustomer(CustomerRow row, Set<String> terms, Set<String> tags) {
}
