package org.salesbench.customers;

/** The order of the customer list: one column, ascending or descending, ties broken by id. */
public record CustomerSort(Column column, boolean ascending) {

    /** The sortable columns of the customer list. */
    public enum Column {
        NAME, GRADE, STATUS, INDUSTRY, REGION, OWNER, NEXT_FOLLOW_UP, UPDATED_AT,
        /** The short name (customers without one last ascending, first descending). */
        SHORT_NAME
    }

    public static final CustomerSort DEFAULT = new CustomerSort(Column.NAME, true);
}
