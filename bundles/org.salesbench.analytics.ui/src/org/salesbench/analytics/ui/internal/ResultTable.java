package org.salesbench.analytics.ui.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.Unit;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualGrid;

/**
 * A report result as a grid ({@link VirtualGrid}): its columns with their headings, figures right-aligned in the user's
 * format. A click on a header sorts the rows by that column's values (figures by value, text in the user's language;
 * again descending, a third time back to the report's order), headers drag, the header menu hides and chooses columns,
 * the layout is kept per user and report, and the selected cells copy. A report's columns are its own, so the grid is
 * made again when a result with other columns comes.
 */
public class ResultTable {

    private final Composite holder;
    private VirtualGrid<ReportRow> grid;
    private String gridId;
    private List<String> columnIds = List.of();
    private Consumer<ReportRow> open;
    private ReportResult result;

    public ResultTable(Composite parent) {
        holder = new Composite(parent, SWT.NONE);
        holder.setLayout(new FillLayout());
    }

    /** The control to lay out: it holds the grid of the result shown. */
    public Composite control() {
        return holder;
    }

    /** The grid of the result shown, {@code null} before the first. */
    public VirtualGrid<ReportRow> grid() {
        return grid;
    }

    /** How many rows the result shown has. */
    public int rowCount() {
        return grid == null ? 0 : grid.rowCount();
    }

    /** The rows in the order shown. */
    public List<ReportRow> shownRows() {
        return grid == null ? List.of() : grid.rows().loaded();
    }

    public ReportResult result() {
        return result;
    }

    /** Calls {@code action} with the row the user double-clicks (or presses Enter on). */
    public void onOpen(Consumer<ReportRow> action) {
        open = action;
        if (grid != null) {
            grid.onOpen(action);
        }
    }

    public ReportRow selected() {
        return grid == null || grid.control().isDisposed() ? null : grid.selectedRow();
    }

    public void setResult(ReportResult newResult) {
        this.result = newResult;
        String id = "report." + newResult.reportId(); //$NON-NLS-1$
        List<String> ids = newResult.columns().stream().map(ReportColumn::id).toList();
        if (grid == null || !id.equals(gridId) || !ids.equals(columnIds)) {
            if (grid != null) {
                grid.control().dispose(); // keeps its layout for the next time these columns show
            }
            gridId = id;
            columnIds = ids;
            grid = VirtualGrid.readWhole(holder, id, columns(newResult.columns()), Messages.Tile_loading, Jobs.FAMILY, Messages.Tile_loading);
            grid.restoreLayout();
            if (open != null) {
                grid.onOpen(open);
            }
            holder.layout(true, true);
        }
        grid.showSorted(newResult.rows());
    }

    private List<VirtualGrid.Column<ReportRow>> columns(List<ReportColumn> reportColumns) {
        List<VirtualGrid.Column<ReportRow>> columns = new ArrayList<>();
        for (int i = 0; i < reportColumns.size(); i++) {
            int at = i;
            ReportColumn c = reportColumns.get(i);
            boolean text = c.isDimension() || c.unit() == Unit.TEXT;
            VirtualGrid.Column<ReportRow> column = VirtualGrid.Column.<ReportRow>of(c.id(), c.label(), text ? 180 : 120,
                    row -> Figures.format(row.value(at), c.unit(), result.currency())).sortBy(byValue(at, c));
            columns.add(text ? column : column.right());
        }
        return columns;
    }

    /** Column {@code at}'s values in order: figures by value, anything else by the text shown; empty cells last. */
    private Comparator<ReportRow> byValue(int at, ReportColumn column) {
        Comparator<ReportRow> byText = VirtualGrid.byText(row -> Figures.format(row.value(at), column.unit(), result.currency()));
        return (a, b) -> {
            Object x = a.value(at);
            Object y = b.value(at);
            if (x == null || y == null) {
                return Boolean.compare(x == null, y == null);
            }
            if (x instanceof Number n && y instanceof Number m) {
                return new BigDecimal(n.toString()).compareTo(new BigDecimal(m.toString()));
            }
            if (x instanceof Comparable<?> && x.getClass() == y.getClass() && !(x instanceof String)) {
                @SuppressWarnings("unchecked")
                Comparable<Object> comparable = (Comparable<Object>) x;
                return comparable.compareTo(y);
            }
            return byText.compare(a, b);
        };
    }
}
