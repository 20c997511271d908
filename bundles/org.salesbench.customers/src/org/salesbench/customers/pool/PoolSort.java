package org.salesbench.customers.pool;

import java.util.List;

/**
 * The order of the pool list: one column, ascending or descending, ties broken by the customer's id in the same
 * direction. Sorted in the database, so every page follows it. The industry sorts by its label as the user reads it:
 * {@code industryOrder} lists the industry codes in the order of their labels in the user's language (codes not in it
 * follow, by code; customers without an industry come last ascending, first descending).
 */
public record PoolSort(Column column, boolean ascending, List<String> industryOrder) {

    /** The sortable columns of the pool list. */
    public enum Column {
        NAME, INDUSTRY, REGION, GRADE,
        /** When the customer came to the pool: the list's own order (longest in the pool first). */
        POOLED_AT,
        /** Whose customer it was. */
        POOLED_FROM, REASON
    }

    /** The list's order when nothing else is chosen: longest in the pool first. */
    public static final PoolSort DEFAULT = new PoolSort(Column.POOLED_AT, true);

    public PoolSort {
        if (column == null) {
            throw new IllegalArgumentException("A pool sort needs a column");
        }
        industryOrder = industryOrder == null ? List.of() : List.copyOf(industryOrder);
    }

    public PoolSort(Column column, boolean ascending) {
        this(column, ascending, List.of());
    }
}
