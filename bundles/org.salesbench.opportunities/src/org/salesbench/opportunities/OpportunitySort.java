package org.salesbench.opportunities;

/**
 * The order of the opportunity list: one column, ascending or descending, ties broken by id in the same direction.
 * Sorted in the database ({@code ORDER BY}), so every page of the list follows it, not only the page on screen.
 */
public record OpportunitySort(Column column, boolean ascending) {

    /** The sortable columns of the opportunity list, named by the {@link OpportunityRow} field each shows. */
    public enum Column {
        /** The customer's name. */
        CUSTOMER("customerName"),
        NAME("name"),
        /** The amount's number (amounts in different currencies are not converted). */
        AMOUNT("amount"),
        /** The stage's place in its pipeline, then its name. */
        STAGE("stageLabel"),
        PROBABILITY("probability"),
        CLOSE_DATE("expectedCloseDate"),
        OWNER("owner"),
        FORECAST_CATEGORY("forecastCategory");

        private final String field;

        Column(String field) {
            this.field = field;
        }

        /** The {@link OpportunityRow} field the column shows: a field the user's roles hide is not sorted by. */
        public String field() {
            return field;
        }
    }

    /** The list's order when nothing else is chosen: the expected close date, earliest first. */
    public static final OpportunitySort DEFAULT = new OpportunitySort(Column.CLOSE_DATE, true);

    public OpportunitySort {
        if (column == null) {
            throw new IllegalArgumentException("An opportunity sort needs a column");
        }
    }
}
