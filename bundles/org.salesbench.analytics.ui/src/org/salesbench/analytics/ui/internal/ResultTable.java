package org.salesbench.analytics.ui.internal;

import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.Unit;

/** A report result as a table: its columns with their headings, figures right-aligned in the user's format. */
public class ResultTable {

    private final Table table;
    private ReportResult result;

    public ResultTable(Composite parent) {
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
    }

    public Table control() {
        return table;
    }

    public ReportResult result() {
        return result;
    }

    /** Calls {@code action} with the row the user double-clicks (or presses Enter on). */
    public void onOpen(Consumer<ReportRow> action) {
        table.addListener(SWT.DefaultSelection, e -> {
            ReportRow row = selected();
            if (row != null) {
                action.accept(row);
            }
        });
    }

    public ReportRow selected() {
        int index = table.getSelectionIndex();
        return result == null || index < 0 || index >= result.rows().size() ? null : result.rows().get(index);
    }

    public void setResult(ReportResult newResult) {
        this.result = newResult;
        table.setRedraw(false);
        try {
            table.removeAll();
            for (TableColumn c : table.getColumns()) {
                c.dispose();
            }
            for (ReportColumn c : newResult.columns()) {
                TableColumn column = new TableColumn(table, c.isDimension() || c.unit() == Unit.TEXT ? SWT.LEFT : SWT.RIGHT);
                column.setText(c.label());
            }
            for (ReportRow row : newResult.rows()) {
                TableItem item = new TableItem(table, SWT.NONE);
                for (int i = 0; i < newResult.columns().size(); i++) {
                    ReportColumn c = newResult.columns().get(i);
                    item.setText(i, Figures.format(row.value(i), c.unit(), newResult.currency()));
                }
            }
            for (TableColumn c : table.getColumns()) {
                c.pack();
                c.setWidth(Math.max(c.getWidth(), 70));
            }
        } finally {
            table.setRedraw(true);
        }
    }
}
