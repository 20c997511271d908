package org.salesbench.customers;

import java.util.List;

/**
 * The order of the customer list: one column, ascending or descending, ties broken by id. The industry sorts by its
 * stored code, or, given {@code industryOrder} (the codes in the order of their labels in the user's language), by the
 * place of its code there: the list then reads in the order of the labels it shows. Codes not in it follow, by code;
 * customers without an industry come last ascending, first descending.
 */
public record CustomerSort(Column column, boolean ascending, List<String> industryOrder) {

    /** The sortable columns of the customer list. */
    public enum Column {
        NAME, GRADE, STATUS, INDUSTRY, REGION, OWNER, NEXT_FOLLOW_UP, UPDATED_AT,
        /** The short name (customers without one last ascending, first descending). */
        SHORT_NAME
    }

    public static final CustomerSort DEFAULT = new CustomerSort(Column.NAME, true);

    public CustomerSort {
        industryOrder = industryOrder == null ? List.of() : List.copyOf(industryOrder);
    }

    public CustomerSort(Column column, boolean ascending) {
        this(column, ascending, List.of());
    }

    /** Whether this is the industry in the order of the labels (not the codes'). */
    public boolean byIndustryLabels() {
        return column == Column.INDUSTRY && !industryOrder.isEmpty();
    }
}
