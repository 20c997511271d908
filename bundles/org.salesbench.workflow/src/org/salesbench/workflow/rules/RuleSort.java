package org.salesbench.workflow.rules;

/**
 * The order of the rules' list: one column, ascending or descending, ties broken by id in the same direction. Sorted in
 * the database ({@code ORDER BY}); a rule's last outcome comes from its execution log and is no order of the list.
 */
public record RuleSort(Column column, boolean ascending) {

    /** The sortable columns of the rules' list. */
    public enum Column {
        /** The list's own order. */
        NAME,
        /** The kind of record the rule watches, by its stored name. */
        ENTITY,
        /** What starts the rule, by its id. */
        TRIGGER,
        /** Disabled ones first ascending. */
        ENABLED
    }

    /** The list's order when nothing else is chosen: by name. */
    public static final RuleSort DEFAULT = new RuleSort(Column.NAME, true);

    public RuleSort {
        if (column == null) {
            throw new IllegalArgumentException("A rules sort needs a column");
        }
    }
}
