package org.salesbench.ui.forms;

/**
 * What the Edit menu and its keys (Delete, Copy, Select All, Refresh, New…) do in a list: the workbench's handlers call
 * these on the active part. {@link FilteredListView} copies and selects for every list; a list that can delete or
 * create records says so.
 */
public interface ListCommands {

    /** Whether the selection can be deleted now (the Delete command is grey otherwise). */
    default boolean canDeleteSelection() {
        return false;
    }

    /** Deletes the selected records, after asking, undoably where the model has a recycle bin. */
    default void deleteSelection() {
    }

    /** Whether the list has a New… of its own. */
    default boolean canCreate() {
        return false;
    }

    /** Opens the list's New… wizard or dialog. */
    default void create() {
    }

    /** Whether anything is selected to copy. */
    boolean canCopySelection();

    /** Copies the selected rows to the clipboard as text, tab-separated, one row a line. */
    void copySelection();

    /** Selects every row. */
    void selectAllRows();

    /** Reads the list again. */
    void refresh();
}
