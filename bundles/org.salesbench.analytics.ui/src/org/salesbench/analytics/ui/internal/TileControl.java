package org.salesbench.analytics.ui.internal;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.ReportFormat;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.dashboards.DashboardTile;
import org.salesbench.analytics.dashboards.MoveDirection;
import org.salesbench.analytics.dashboards.TileResult;

/**
 * One tile of a dashboard: its title and menu on top, below it a KPI figure, a chart or a table, or a plain
 * message while loading, when the period has no data or when the report failed.
 */
public class TileControl extends Composite {

    /** What the tile's menu asks of the editor that holds it. */
    public interface Actions {
        void change(DashboardTile tile);

        void remove(DashboardTile tile);

        void move(DashboardTile tile, MoveDirection direction);

        /** The records behind the result's {@code row} (a bar or slice clicked), or behind its first row when null. */
        void drillDown(TileResult result, ReportRow row);

        void export(TileResult result, ReportFormat format);

        void print(TileResult result);
    }

    /** What the tile shows now. */
    public enum State {
        LOADING, EMPTY, FAILED, SHOWN
    }

    private final DashboardTile tile;
    private final boolean editable;
    private final Actions actions;
    private final Label title;
    private final Composite body;
    private final StackLayout stack = new StackLayout();
    private final Label message;
    private KpiCanvas kpi;
    private ChartCanvas chart;
    private ResultTable table;
    private TileResult result;
    private State state = State.LOADING;

    public TileControl(Composite parent, DashboardTile tile, boolean editable, Actions actions) {
        super(parent, SWT.BORDER);
        this.tile = tile;
        this.editable = editable;
        this.actions = actions;
        setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 4;
        layout.marginHeight = 2;
        setLayout(layout);

        title = new Label(this, SWT.NONE);
        title.setFont(JFaceResources.getBannerFont());
        title.setText(tile.getTitle());
        title.setBackground(getBackground());
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        ToolBar bar = new ToolBar(this, SWT.FLAT);
        bar.setBackground(getBackground());
        ToolItem menuItem = new ToolItem(bar, SWT.PUSH);
        menuItem.setText("⋮"); //$NON-NLS-1$
        menuItem.setToolTipText(Messages.Tile_menu);
        // the tile's context menu, filled as it opens: the same from the ⋮ button and from a right click
        Menu menu = new Menu(this);
        menu.addListener(SWT.Show, e -> fill(menu));
        menuItem.addListener(SWT.Selection, e -> {
            Point at = bar.toDisplay(0, bar.getSize().y);
            menu.setLocation(at);
            menu.setVisible(true);
        });

        body = new Composite(this, SWT.NONE);
        body.setLayout(stack);
        body.setBackground(getBackground());
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        message = new Label(body, SWT.CENTER | SWT.WRAP);
        message.setBackground(getBackground());
        showMessage(State.LOADING, Messages.Tile_loading);
        setMenu(menu);
        title.setMenu(menu);
    }

    public DashboardTile tile() {
        return tile;
    }

    public TileResult result() {
        return result;
    }

    public State state() {
        return state;
    }

    /** The message shown (loading, empty, failure), or "" when a figure, chart or table is shown. */
    public String messageText() {
        return state == State.SHOWN ? "" : message.getText(); //$NON-NLS-1$
    }

    public KpiCanvas kpi() {
        return kpi;
    }

    public ChartCanvas chart() {
        return chart;
    }

    public ResultTable table() {
        return table;
    }

    public void showLoading() {
        showMessage(State.LOADING, Messages.Tile_loading);
    }

    public void showFailure(String why) {
        result = null;
        showMessage(State.FAILED, why);
    }

    public void show(TileResult newResult) {
        this.result = newResult;
        if (newResult.isEmpty()) {
            showMessage(State.EMPTY, Messages.Tile_empty);
            return;
        }
        Control top;
        ChartKind kind = tile.getChart();
        if (kind == ChartKind.KPI && newResult.hasFigure()) {
            if (kpi == null) {
                kpi = new KpiCanvas(body);
            }
            kpi.setKpi(newResult.kpi());
            top = kpi;
        } else if (kind == ChartKind.TABLE || kind == ChartKind.KPI) {
            if (table == null) {
                table = new ResultTable(body);
            }
            table.setResult(newResult.result());
            top = table.control();
        } else {
            if (chart == null) {
                chart = new ChartCanvas(body);
                chart.onDrill(row -> actions.drillDown(result, row));
            }
            chart.setChart(TileCharts.untitled(newResult.result(), kind), newResult.result(), TileCharts.drawnAs(kind));
            top = chart;
        }
        String note = newResult.result() == null ? null : newResult.result().note();
        setToolTipText(note);
        state = State.SHOWN;
        stack.topControl = top;
        body.layout(true);
    }

    private void showMessage(State newState, String text) {
        state = newState;
        message.setText(text == null ? "" : text); //$NON-NLS-1$
        stack.topControl = message;
        body.layout(true);
    }

    /** Makes the menu's items anew: what is enabled follows the tile's current result. */
    private void fill(Menu menu) {
        for (MenuItem old : menu.getItems()) {
            old.dispose();
        }
        boolean hasData = result != null && !result.isEmpty();
        item(menu, Messages.Tile_drillDown, hasData, () -> actions.drillDown(result, null));
        MenuItem exportItem = new MenuItem(menu, SWT.CASCADE);
        exportItem.setText(Messages.Tile_export);
        exportItem.setEnabled(result != null && result.result() != null);
        Menu exportMenu = new Menu(exportItem);
        exportItem.setMenu(exportMenu);
        for (ReportFormat format : ReportFormat.values()) {
            item(exportMenu, Labels.format(format), true, () -> actions.export(result, format));
        }
        item(menu, Messages.Tile_print, hasData, () -> actions.print(result));
        new MenuItem(menu, SWT.SEPARATOR);
        item(menu, Messages.Tile_change, editable, () -> actions.change(tile));
        MenuItem moveItem = new MenuItem(menu, SWT.CASCADE);
        moveItem.setText(Messages.Tile_move);
        moveItem.setEnabled(editable);
        Menu moveMenu = new Menu(moveItem);
        moveItem.setMenu(moveMenu);
        item(moveMenu, Messages.Move_up, true, () -> actions.move(tile, MoveDirection.UP));
        item(moveMenu, Messages.Move_down, true, () -> actions.move(tile, MoveDirection.DOWN));
        item(moveMenu, Messages.Move_left, true, () -> actions.move(tile, MoveDirection.LEFT));
        item(moveMenu, Messages.Move_right, true, () -> actions.move(tile, MoveDirection.RIGHT));
        item(menu, Messages.Tile_remove, editable, () -> actions.remove(tile));
    }

    private static void item(Menu menu, String text, boolean enabled, Runnable action) {
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        item.setText(text);
        item.setEnabled(enabled);
        item.addListener(SWT.Selection, e -> action.run());
    }
}
