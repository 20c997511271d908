package org.salesbench.quotes;

/**
 * The order of a list of quotes (a customer's, a deal's): one column, ascending or descending, ties broken by id in the same direction.
 * Sorted in the database ({@code ORDER BY}), so every page of the list follows it, not only the page on screen.
 */
public record QuoteSort(Column column, boolean ascending) {

    /** The sortable columns of the quotes list. */
    public enum Column {
        /** The name of the quote's opportunity. */
        OPPORTUNITY,
        VERSION,
        /** The status's place in a quote's life ({@link QuoteStatus}'s order: draft first), not its stored code. */
        STATUS,
        /** The total before tax (amounts in different currencies are not converted). */
        NET,
        /** The total with tax (amounts in different currencies are not converted). */
        TOTAL,
        /** Quotes without a date come last ascending, first descending. */
        VALID_UNTIL,
        /** When it was made: the list's own order (newest first). */
        CREATED
    }

    /** The list's order when nothing else is chosen: newest first. */
    public static final QuoteSort DEFAULT = new QuoteSort(Column.CREATED, false);

    /** A deal's quotes when nothing else is chosen: the latest version first. */
    public static final QuoteSort LATEST_VERSION_FIRST = new QuoteSort(Column.VERSION, false);

    public QuoteSort {
        if (column == null) {
            throw new IllegalArgumentException("A quote sort needs a column");
        }
    }
}
