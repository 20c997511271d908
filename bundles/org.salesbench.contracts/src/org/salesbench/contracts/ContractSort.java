package org.salesbench.contracts;

/**
 * The order of the contract list: one column, ascending or descending, ties broken by id in the same direction. Sorted
 * in the database ({@code ORDER BY}), so every page of the list follows it, not only the page on screen.
 */
public record ContractSort(Column column, boolean ascending) {

    /** The sortable columns of the contract list. */
    public enum Column {
        NUMBER,
        /** The customer's name. */
        CUSTOMER,
        TITLE,
        /** The amount with tax (amounts in different currencies are not converted). */
        AMOUNT,
        /** The status's place in a contract's life ({@link ContractStatus}'s order: draft first), not its code. */
        STATUS,
        SIGNED_ON,
        START_DATE,
        END_DATE,
        OWNER,
        /** When it was made: the list's own order (newest first). */
        CREATED
    }

    /** The list's order when nothing else is chosen: newest first. */
    public static final ContractSort DEFAULT = new ContractSort(Column.CREATED, false);

    public ContractSort {
        if (column == null) {
            throw new IllegalArgumentException("A contract sort needs a column");
        }
    }
}
