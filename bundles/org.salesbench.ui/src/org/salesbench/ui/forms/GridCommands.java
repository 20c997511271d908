package org.salesbench.ui.forms;

import java.util.Optional;

/**
 * A view (or a page) whose list is a {@link VirtualGrid} without being a filtered list ({@link GridListView}): the Edit
 * menu's Copy and Select All and Edit › Show History reach the grid's cells and its selected row. The view names its
 * grid and what a row's record is; Refresh reads its list again.
 *
 * @param <R> the type of a row
 */
public interface GridCommands<R> extends ListCommands, RecordSelection {

    /** The grid the commands reach, or {@code null} before it is made. */
    VirtualGrid<R> commandGrid();

    /** The record a row shows, for the commands about any record; empty (the default) for rows that are no record. */
    default Optional<SelectedRecord> recordOfRow(R row) {
        return Optional.empty();
    }

    @Override
    default boolean canCopySelection() {
        VirtualGrid<?> grid = gridInUse();
        return grid != null && grid.hasSelection();
    }

    /**
     * The grid Copy and Select All reach: the one that has the focus when the view shows more than one (a detail grid
     * of the selected row's, {@link VirtualGrid#focused}), else {@link #commandGrid}.
     */
    default VirtualGrid<?> gridInUse() {
        VirtualGrid<R> grid = commandGrid();
        if (grid == null || grid.control().isDisposed()) {
            return grid;
        }
        return VirtualGrid.focused().filter(f -> f.control().getShell() == grid.control().getShell()).orElse(grid);
    }

    /** The selected cells (Edit › Copy, Ctrl+C), tab-separated; whole rows under their column titles. */
    @Override
    default void copySelection() {
        VirtualGrid<?> grid = gridInUse();
        if (grid != null) {
            grid.copySelection();
        }
    }

    @Override
    default void selectAllRows() {
        VirtualGrid<?> grid = gridInUse();
        if (grid != null) {
            grid.selectAll();
        }
    }

    /** The record of the one selected row (Edit › Show History), as {@link #recordOfRow} names it. */
    @Override
    default Optional<SelectedRecord> selectedRecord() {
        VirtualGrid<R> grid = commandGrid();
        R row = grid == null || grid.control().isDisposed() ? null : grid.selectedRow();
        return row == null ? Optional.empty() : recordOfRow(row);
    }
}
