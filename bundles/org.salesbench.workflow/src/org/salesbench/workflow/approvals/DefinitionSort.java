package org.salesbench.workflow.approvals;

/**
 * The order of the approval definitions' list: one column, ascending or descending, ties broken by id in the same
 * direction. Sorted in the database ({@code ORDER BY}).
 */
public record DefinitionSort(Column column, boolean ascending) {

    /** The sortable columns of the definitions' list. */
    public enum Column {
        NAME,
        /** The kind of record the definition approves, by its stored name. */
        ENTITY,
        PRIORITY,
        /** Inactive ones first ascending. */
        ACTIVE
    }

    public DefinitionSort {
        if (column == null) {
            throw new IllegalArgumentException("A definitions sort needs a column");
        }
    }
}
