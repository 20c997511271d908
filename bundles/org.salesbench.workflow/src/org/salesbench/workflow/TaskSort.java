package org.salesbench.workflow;

/**
 * The order of a task list: one column, ascending or descending, ties broken by id in the same direction. Sorted in
 * the database ({@code ORDER BY}), so every page of the list follows it, not only the page on screen.
 */
public record TaskSort(Column column, boolean ascending) {

    /** The sortable columns of a task list. The record a task is about is named by its own module: not an order. */
    public enum Column {
        TITLE,
        /** When it is due; tasks without a due time come last ascending, first descending. */
        DUE,
        /** The priority's place in {@link TaskPriority}'s order (low first), not its stored code. */
        PRIORITY,
        ASSIGNEE,
        /** The status's place in {@link TaskStatus}'s order (open first), not its stored code. */
        STATUS
    }

    /** The list's order when nothing else is chosen: soonest due first, tasks without a due time last. */
    public static final TaskSort DEFAULT = new TaskSort(Column.DUE, true);

    public TaskSort {
        if (column == null) {
            throw new IllegalArgumentException("A task sort needs a column");
        }
    }
}
