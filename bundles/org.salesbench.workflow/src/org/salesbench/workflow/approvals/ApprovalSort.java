package org.salesbench.workflow.approvals;

/**
 * The order of a list of approval requests (the Approvals inbox, an opportunity's Approvals page): one column, ascending
 * or descending, ties broken by id in the same direction. Sorted in the database ({@code ORDER BY}).
 */
public record ApprovalSort(Column column, boolean ascending) {

    /** The sortable columns of an approvals list. */
    public enum Column {
        /** The request's number: the lists' own order, newest first. */
        ID,
        /** What is approved: the record's kind, then its label as the request keeps it. */
        RECORD,
        /** Who asked. */
        REQUESTER,
        /** The status's place in a request's life ({@link ApprovalStatus}'s order), not its stored code. */
        STATUS,
        /** The step the request is at. */
        STEP,
        /** The name of the definition it follows. */
        DEFINITION,
        /** When it was asked for. */
        SUBMITTED
    }

    /** The lists' order when nothing else is chosen: the newest request first. */
    public static final ApprovalSort DEFAULT = new ApprovalSort(Column.ID, false);

    public ApprovalSort {
        if (column == null) {
            throw new IllegalArgumentException("An approvals sort needs a column");
        }
    }
}
