package org.salesbench.opportunities;

/**
 * The order of the lead list: one column, ascending or descending, ties broken by id in the same direction. Sorted in
 * the database, so every page of the list follows it.
 */
public record LeadSort(Column column, boolean ascending) {

    /** The sortable columns of the lead list, named by the {@link LeadRow} field each shows. */
    public enum Column {
        COMPANY("company", "COMPANY"),
        CONTACT("contactName", "CONTACT_NAME"),
        /** The source's code. */
        SOURCE("source", "SOURCE"),
        INDUSTRY("industry", "INDUSTRY"),
        STATUS("status", "STATUS"),
        SCORE("score", "SCORE"),
        GRADE("grade", "GRADE"),
        DUPLICATE("duplicate", "DUPLICATE"),
        OWNER("owner", "OWNER"),
        CREATED("createdAt", "CREATED_AT");

        private final String field;
        private final String sqlColumn;

        Column(String field, String sqlColumn) {
            this.field = field;
            this.sqlColumn = sqlColumn;
        }

        /** The {@link LeadRow} field the column shows: a field the user's roles hide is not sorted by. */
        public String field() {
            return field;
        }

        /** The column of SB_LEAD it sorts by. */
        public String sqlColumn() {
            return sqlColumn;
        }
    }

    /** The list's order when nothing else is chosen: the newest lead first. */
    public static final LeadSort DEFAULT = new LeadSort(Column.CREATED, false);

    public LeadSort {
        if (column == null) {
            throw new IllegalArgumentException("A lead sort needs a column");
        }
    }
}
