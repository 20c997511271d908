package org.salesbench.ui.search;

/**
 * One result of the global search: what to show ({@code label}, {@code detail}) and what to open
 * ({@code id} of a record of the provider's kind).
 */
public record SearchHit(String label, String detail, long id) {
}
