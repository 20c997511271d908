package org.salesbench.ui.forms;

import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/** The small tables of the editor pages: a list of rows with text columns. */
public final class Tables {

    private Tables() {
    }

    public static TableViewer create(Composite parent) {
        TableViewer viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }

    /**
     * Sorts the rows by a column when its header is clicked, the other way round when it is clicked again, and shows the
     * sort on the header. A column sorts by its text in the user's language (a collator), or by its entry in
     * {@code orders}, keyed by the column's index (a time by the instant, not its text). {@code initial} is the column
     * the rows come sorted by, descending (-1: as given).
     */
    public static <T> void sortable(TableViewer viewer, Class<T> type, java.util.Map<Integer, java.util.Comparator<T>> orders, int initial) {
        org.eclipse.swt.widgets.Table table = viewer.getTable();
        java.text.Collator collator = java.text.Collator.getInstance();
        viewer.setComparator(new org.eclipse.jface.viewers.ViewerComparator() {
            @Override
            public int compare(org.eclipse.jface.viewers.Viewer v, Object a, Object b) {
                org.eclipse.swt.widgets.TableColumn sorted = table.getSortColumn();
                if (sorted == null) {
                    return 0;
                }
                int index = table.indexOf(sorted);
                java.util.Comparator<T> order = orders.get(index);
                int result;
                if (order != null) {
                    result = order.compare(type.cast(a), type.cast(b));
                } else {
                    ColumnLabelProvider label = (ColumnLabelProvider) viewer.getLabelProvider(index);
                    result = collator.compare(label.getText(a), label.getText(b));
                }
                return table.getSortDirection() == SWT.DOWN ? -result : result;
            }
        });
        org.eclipse.swt.widgets.TableColumn[] columns = table.getColumns();
        for (org.eclipse.swt.widgets.TableColumn column : columns) {
            column.addListener(SWT.Selection, e -> {
                if (table.getSortColumn() == column) {
                    table.setSortDirection(table.getSortDirection() == SWT.UP ? SWT.DOWN : SWT.UP);
                } else {
                    table.setSortColumn(column);
                    table.setSortDirection(SWT.UP);
                }
                viewer.refresh();
            });
        }
        if (initial >= 0 && initial < columns.length) {
            table.setSortColumn(columns[initial]);
            table.setSortDirection(SWT.DOWN);
        }
    }

    public static <T> void column(TableViewer viewer, Class<T> type, String title, int width, Function<T, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(type.cast(element));
            }
        });
    }
}
