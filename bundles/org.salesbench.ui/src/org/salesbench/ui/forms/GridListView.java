package org.salesbench.ui.forms;

import org.eclipse.swt.widgets.Control;

/**
 * A list view whose rows are a {@link VirtualGrid} rather than a table: the Edit menu's commands (Copy, Select All)
 * and the list's accessors reach the grid's cells and rows.
 *
 * @param <F> the list's filter
 * @param <R> the type of a row
 */
public abstract class GridListView<F, R> extends FilteredListView<F> implements RecordSelection {

    protected GridListView(Class<F> filterType, F initialFilter) {
        super(filterType, initialFilter);
    }

    /** The grid the view made in its part control. */
    protected abstract VirtualGrid<R> grid();

    @Override
    public Control listControl() {
        return grid().control();
    }

    @Override
    public int rowCount() {
        return grid().rowCount();
    }

    @Override
    public Object rowData(int index) {
        return grid().rowAt(index);
    }

    @Override
    public void selectListRow(int index) {
        grid().selectRow(index);
    }

    @Override
    public boolean canCopySelection() {
        return grid().hasSelection();
    }

    /** The selected cells (Edit › Copy, Ctrl+C), tab-separated; whole rows under their column titles. */
    @Override
    public void copySelection() {
        grid().copySelection();
    }

    @Override
    public void selectAllRows() {
        grid().selectAll();
    }

    /** The record of the one selected row (Edit › Show History), as {@link #recordOf} names it. */
    @Override
    public java.util.Optional<SelectedRecord> selectedRecord() {
        R row = grid() == null ? null : grid().selectedRow();
        return row == null ? java.util.Optional.empty() : recordOf(row);
    }

    /** The record a row shows, for the commands about any record; empty (the default) for rows that are no record. */
    protected java.util.Optional<SelectedRecord> recordOf(R row) {
        return java.util.Optional.empty();
    }
}
