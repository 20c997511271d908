package org.salesbench.contracts.receivables;

/**
 * The order of the open instalments (the Receivables list): one column, ascending or descending, ties broken by the
 * instalment's id in the same direction. Sorted in the database, so every page follows it.
 */
public record ReceivablesSort(Column column, boolean ascending) {

    /** The sortable columns of the Receivables list. */
    public enum Column {
        CONTRACT_NUMBER,
        /** The customer's name. */
        CUSTOMER,
        /** The instalment's place in its contract's plan. */
        INSTALMENT,
        DUE_DATE,
        /** The instalment's amount (amounts in different currencies are not converted). */
        AMOUNT,
        /** What is still open of it. */
        OPEN,
        /** Days past due (and the ageing bucket, which follows them): the due date the other way round. */
        DAYS_OVERDUE,
        OWNER
    }

    /** The list's own order: earliest due first (past due first), then by contract number and instalment. */
    public static final ReceivablesSort DEFAULT = new ReceivablesSort(Column.DUE_DATE, true);

    public ReceivablesSort {
        if (column == null) {
            throw new IllegalArgumentException("A receivables sort needs a column");
        }
    }
}
