package org.salesbench.analytics.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.MetricCatalogue;
import org.salesbench.analytics.ReportFormat;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.ReportService;
import org.salesbench.analytics.dashboards.Dashboard;
import org.salesbench.analytics.dashboards.DashboardFilter;
import org.salesbench.analytics.dashboards.DashboardLayout;
import org.salesbench.analytics.dashboards.DashboardService;
import org.salesbench.analytics.dashboards.DashboardTile;
import org.salesbench.analytics.dashboards.MoveDirection;
import org.salesbench.analytics.dashboards.TileResult;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;

/**
 * A dashboard: the filter bar on top applies to every tile; the tiles sit on a grid of the dashboard's columns,
 * each running its report in a job. The owner adds, changes, moves and removes tiles, saves and shares; others see
 * a shared dashboard read-only.
 */
public class DashboardEditor extends EditorPart implements TileControl.Actions {

    public static final String ID = "org.salesbench.analytics.ui.editors.dashboard"; //$NON-NLS-1$
    private static final int TILE_HEIGHT = 260;
    private static final int KPI_HEIGHT = 140;

    private DashboardService service;
    private Dashboard dashboard;
    private boolean editable;
    private boolean dirty;
    private FilterBar filterBar;
    private ScrolledComposite scroller;
    private Composite grid;
    private Button share;
    private final List<TileControl> tiles = new ArrayList<>();
    private int generation;

    /** Opens {@code dashboard} (or brings its editor forward). */
    public static DashboardEditor open(IWorkbenchPage page, long id, String name) throws PartInitException {
        return (DashboardEditor) page.openEditor(new DashboardEditorInput(id, name), ID);
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof DashboardEditorInput dashboardInput)) {
            throw new PartInitException(NLS.bind(Messages.Editor_wrongInput, input.getName()));
        }
        setSite(site);
        setInput(input);
        service = Services.get(DashboardService.class);
        dashboard = service.find(dashboardInput.id())
                .orElseThrow(() -> new PartInitException(NLS.bind(Messages.Dashboard_notFound, dashboardInput.getName())));
        editable = service.canEdit(dashboard);
        setPartName(dashboard.getName());
    }

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 0;
        root.setLayout(layout);

        filterBar = new FilterBar(root, DashboardFilter.defaults());
        filterBar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filterBar.onChange(f -> refresh());
        Composite top = new Composite(root, SWT.NONE);
        top.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        RowLayout topLayout = new RowLayout(SWT.HORIZONTAL);
        topLayout.center = true;
        topLayout.marginTop = 0;
        top.setLayout(topLayout);
        button(top, Messages.Dashboards_refresh, this::refresh);
        Button add = button(top, Messages.Dashboard_addTile, this::addTile);
        add.setEnabled(editable);
        Button save = button(top, Messages.Dashboard_save, () -> doSave(null));
        save.setEnabled(editable);
        share = new Button(top, SWT.CHECK);
        share.setText(Messages.Dashboard_shared);
        share.setSelection(dashboard.isShared());
        share.setEnabled(editable);
        share.addListener(SWT.Selection, e -> setShared(share.getSelection()));
        if (!editable) {
            Label readOnly = new Label(top, SWT.NONE);
            readOnly.setText(NLS.bind(Messages.Dashboard_readOnly, dashboard.getOwner()));
        }

        scroller = new ScrolledComposite(root, SWT.V_SCROLL);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        grid = new Composite(scroller, SWT.NONE);
        scroller.setContent(grid);
        scroller.addListener(SWT.Resize, e -> updateScrolling());
        buildTiles();
    }

    /** The tiles as shown, in reading order (tests read their results). */
    public List<TileControl> tiles() {
        return List.copyOf(tiles);
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    public FilterBar filterBar() {
        return filterBar;
    }

    /** Runs every tile's report again under the current filter. */
    public void refresh() {
        int run = ++generation;
        DashboardFilter filter = filterBar.filter();
        for (TileControl control : tiles) {
            runTile(control, filter, run);
        }
    }

    private void runTile(TileControl control, DashboardFilter filter, int run) {
        control.showLoading();
        DashboardTile tile = control.tile();
        Jobs.load(control, NLS.bind(Messages.Job_runTile, tile.getTitle()), () -> service.run(tile, filter), result -> {
            if (run == generation) { // a later filter change has its own run under way
                control.show(result);
            }
        }, e -> {
            if (run == generation) {
                control.showFailure(Jobs.message(e));
            }
        });
    }

    private void buildTiles() {
        for (TileControl control : tiles) {
            control.dispose();
        }
        tiles.clear();
        for (Control child : grid.getChildren()) {
            child.dispose();
        }
        int columns = Math.max(1, dashboard.getColumns());
        GridLayout layout = new GridLayout(columns, true);
        layout.horizontalSpacing = 8;
        layout.verticalSpacing = 8;
        grid.setLayout(layout);
        if (dashboard.getTiles().isEmpty()) {
            Label empty = new Label(grid, SWT.WRAP);
            empty.setText(editable ? Messages.Dashboard_noTiles : Messages.Dashboard_noTilesReadOnly);
            empty.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, columns, 1));
        }
        for (DashboardTile tile : dashboard.getTiles()) {
            TileControl control = new TileControl(grid, tile, editable, this);
            GridData data = new GridData(SWT.FILL, SWT.FILL, true, false, Math.min(columns, tile.getColSpan()), 1);
            data.heightHint = (tile.getChart() == ChartKind.KPI ? KPI_HEIGHT : TILE_HEIGHT) * Math.max(1, tile.getRowSpan());
            data.widthHint = 120;
            control.setLayoutData(data);
            tiles.add(control);
        }
        grid.layout(true, true);
        updateScrolling();
        refresh();
    }

    private void updateScrolling() {
        int width = scroller.getClientArea().width;
        scroller.setMinSize(grid.computeSize(width, SWT.DEFAULT));
    }

    private void addTile() {
        DashboardTile tile = new DashboardTile();
        if (openTileDialog(tile)) {
            DashboardLayout.append(dashboard, tile);
            changed();
        }
    }

    @Override
    public void change(DashboardTile tile) {
        if (openTileDialog(tile)) {
            DashboardLayout.reflow(dashboard);
            changed();
        }
    }

    @Override
    public void remove(DashboardTile tile) {
        DashboardLayout.remove(dashboard, tile);
        changed();
    }

    @Override
    public void move(DashboardTile tile, MoveDirection direction) {
        if (DashboardLayout.move(dashboard, tile, direction)) {
            changed();
        }
    }

    @Override
    public void drillDown(TileResult result, ReportRow row) {
        new DrillDownDialog(getSite().getShell(), getSite().getPage(), result.result(), row).open();
    }

    @Override
    public void export(TileResult result, ReportFormat format) {
        ReportActions.export(grid, result.result(), format);
    }

    @Override
    public void print(TileResult result) {
        ReportActions.print(grid, result.result(), result.tile().getChart());
    }

    private boolean openTileDialog(DashboardTile tile) {
        TileDialog dialog = new TileDialog(getSite().getShell(), Services.get(ReportService.class).reports(),
                Services.get(MetricCatalogue.class).metrics(), tile, dashboard.getColumns());
        return dialog.open() == Window.OK;
    }

    private void changed() {
        setDirty(true);
        buildTiles();
    }

    private void setShared(boolean shared) {
        long id = dashboard.getId();
        Jobs.load(grid, Messages.Dashboard_shared, () -> service.share(id, shared), saved -> dashboard.setShared(saved.isShared()), e -> {
            share.setSelection(dashboard.isShared());
            MessageDialog.openError(getSite().getShell(), Messages.Dashboard_shareFailed, Jobs.message(e));
        });
    }

    /** Saves in a job; the layout stays dirty until the save is through, and a refusal (naming the tile) is shown. */
    @Override
    public void doSave(IProgressMonitor monitor) {
        Dashboard edited = dashboard;
        Jobs.load(grid, Messages.Dashboard_save, () -> service.saveLayout(edited), saved -> {
            dashboard = saved;
            setDirty(false);
            buildTiles();
        }, e -> MessageDialog.openError(getSite().getShell(), Messages.Dashboard_saveFailed, Jobs.message(e)));
    }

    @Override
    public void doSaveAs() {
        // a copy is made from the Dashboards view
    }

    @Override
    public boolean isDirty() {
        return dirty;
    }

    private void setDirty(boolean newDirty) {
        if (dirty != newDirty) {
            dirty = newDirty;
            firePropertyChange(PROP_DIRTY);
        }
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public void setFocus() {
        if (filterBar != null && !filterBar.isDisposed()) {
            filterBar.setFocus();
        }
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }
}
