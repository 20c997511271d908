package org.salesbench.customers.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PartInitException;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.persistence.Picklists;
import org.salesbench.customers.Customer;
import org.salesbench.customers.pool.CustomerPool;
import org.salesbench.customers.pool.PoolFilter;
import org.salesbench.customers.pool.PoolRow;
import org.salesbench.customers.pool.PoolSort;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.FilterBars;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.GridListView;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.forms.VirtualRows;

/**
 * The public pool (公海): the customers nobody owns, longest in the pool first, with where and when each came from;
 * filters by name, industry, region and days in the pool; Claim takes the selected ones for the current user, within
 * the cap the model enforces (its refusal is shown as it words it). The rows are a {@link VirtualGrid}: a header click
 * sorts the whole pool in the database ({@link PoolSort}; the industry by its label in the user's language), columns
 * hide, show and move, and the layout is kept per user.
 */
public class PublicPoolView extends GridListView<PoolFilter, PoolRow> {

    public static final String ID = "org.salesbench.customers.ui.views.pool";
    /** Job family of the list's reads (tests wait for it; claims run in {@link Jobs#FAMILY}). */
    public static final Object FAMILY = PublicPoolView.class;

    static final int BLOCK = 100;
    private static final int CACHED_BLOCKS = 32;

    private record FirstBlock(List<PoolRow> rows, long count) {
    }

    private CustomerPool pool;
    private Text industryText;
    private Text regionText;
    private Spinner minDaysSpinner;
    private Button claimButton;
    private VirtualGrid<PoolRow> grid;
    private VirtualRows<PoolRow> rows;

    public PublicPoolView() {
        super(PoolFilter.class, PoolFilter.ALL);
    }

    @Override
    public void createPartControl(Composite parent) {
        pool = Services.get(CustomerPool.class);
        parent.setLayout(new GridLayout(1, false));
        Composite bar = FilterBars.create(parent);
        searchText = FilterBars.search(bar, PoolMessages.View_searchHint, this::filterSoon);
        industryText = new Text(FilterBars.labelled(bar, PoolMessages.View_industry), SWT.BORDER);
        industryText.setLayoutData(new RowData(90, SWT.DEFAULT));
        industryText.addModifyListener(e -> filterSoon());
        regionText = new Text(FilterBars.labelled(bar, PoolMessages.View_region), SWT.BORDER);
        regionText.setLayoutData(new RowData(90, SWT.DEFAULT));
        regionText.addModifyListener(e -> filterSoon());
        minDaysSpinner = new Spinner(FilterBars.labelled(bar, PoolMessages.View_minDays), SWT.BORDER);
        minDaysSpinner.setValues(0, 0, 3650, 0, 1, 30);
        minDaysSpinner.addModifyListener(e -> filterSoon());
        claimButton = new Button(bar, SWT.PUSH);
        claimButton.setText(PoolMessages.Action_claim);
        claimButton.addListener(SWT.Selection, e -> claimSelected());
        createTable(parent);
        createActions();
        listenForChanges(Customer.ENTITY);
        refresh();
    }

    private void createTable(Composite parent) {
        List<VirtualGrid.Column<PoolRow>> columns = List.of(
                VirtualGrid.Column.<PoolRow>of("name", PoolMessages.Column_name, 240, PoolRow::name).sortBy(PoolSort.Column.NAME),
                VirtualGrid.Column.<PoolRow>of("industry", PoolMessages.Column_industry, 90, r -> Formats.text(Industries.label(r.industry())))
                        .sortBy(PoolSort.Column.INDUSTRY),
                VirtualGrid.Column.<PoolRow>of("region", PoolMessages.Column_region, 80, r -> Formats.text(r.region())).sortBy(PoolSort.Column.REGION),
                VirtualGrid.Column.<PoolRow>of("grade", PoolMessages.Column_grade, 50, r -> Formats.text(r.grade())).sortBy(PoolSort.Column.GRADE),
                VirtualGrid.Column.<PoolRow>of("since", PoolMessages.Column_since, 130, r -> r.pooledAt() == null ? "" : Formats.dateTime(r.pooledAt()))
                        .sortBy(PoolSort.Column.POOLED_AT),
                VirtualGrid.Column.<PoolRow>of("from", PoolMessages.Column_from, 90, r -> Formats.text(r.pooledFrom())).sortBy(PoolSort.Column.POOLED_FROM),
                VirtualGrid.Column.<PoolRow>of("reason", PoolMessages.Column_reason, 260, r -> Formats.text(r.reason())).sortBy(PoolSort.Column.REASON));
        grid = new VirtualGrid<>(parent, ID, columns, BLOCK, CACHED_BLOCKS, PoolMessages.Job_load, FAMILY, PoolMessages.View_loading);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        grid.restoreLayout();
        rows = grid.rows();
        rows.onFailure(e -> reportError(message(e)));
        grid.onOpen(row -> openSelected());
        grid.onSort(this::refresh);
    }

    private void createActions() {
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(new Action(PoolMessages.Action_claim) {
            @Override
            public void run() {
                claimSelected();
            }
        });
        toolbar.add(new Action(PoolMessages.Action_refresh) {
            @Override
            public void run() {
                refresh();
            }
        });
    }

    @Override
    protected void applyFilter() {
        if (grid.control().isDisposed()) {
            return;
        }
        // an industry is typed as its label (or code) in either language; the pool matches the stored code
        String industry = Services.get(Picklists.class).resolve(Picklists.INDUSTRY, industryText.getText()).orElse(industryText.getText());
        filter = new PoolFilter(searchText.getText(), industry, regionText.getText(), minDaysSpinner.getSelection());
        refresh();
    }

    @Override
    public void refresh() {
        PoolFilter f = filter;
        PoolSort sort = sort();
        int current = rows.restart(block -> () -> pool.page(f, sort, block * BLOCK, BLOCK));
        rows.run(() -> {
            List<PoolRow> first = pool.page(f, sort, 0, BLOCK);
            return new FirstBlock(first, first.size() < BLOCK ? first.size() : pool.count(f));
        }, first -> {
            rows.show(first.rows(), first.count());
            setContentDescription(NLS.bind(PoolMessages.View_count, String.format("%,d", first.count())));
        }, current);
    }

    /**
     * The order the grid's headers chose, or the list's own. The industry sorts by the labels the list shows, in the
     * user's language: the codes go to the model in the order of their labels.
     */
    private PoolSort sort() {
        if (!(grid.sortKey() instanceof PoolSort.Column column)) {
            return PoolSort.DEFAULT;
        }
        if (column != PoolSort.Column.INDUSTRY) {
            return new PoolSort(column, grid.ascending());
        }
        return new PoolSort(column, grid.ascending(), Industries.codesByLabel());
    }

    private List<PoolRow> selectedRows() {
        // by index from the current rows: an item keeps the row it showed before a refresh until it is painted again
        List<PoolRow> selected = new ArrayList<>();
        for (int index : grid.selectedRowIndexes()) {
            PoolRow row = rows.peek(index);
            if (row != null) {
                selected.add(row);
            }
        }
        return selected;
    }

    /** Claims the selected customers in a job; the first refusal (the cap, someone quicker) stops it and is shown. */
    public void claimSelected() {
        List<PoolRow> selected = selectedRows();
        if (selected.isEmpty()) {
            reportError(PoolMessages.Claim_nothingSelected);
            return;
        }
        claimButton.setEnabled(false);
        Jobs.load(grid.control(), PoolMessages.Job_claim, () -> {
            try {
                for (PoolRow row : selected) {
                    pool.claim(row.id());
                }
            } catch (RuntimeException e) {
                return message(e);
            }
            return null;
        }, refusal -> {
            claimButton.setEnabled(true);
            refresh();
            if (refusal != null) {
                reportError(refusal);
            }
        }, e -> {
            claimButton.setEnabled(true);
            reportError(message(e));
        });
    }

    private void openSelected() {
        for (PoolRow row : selectedRows()) {
            try {
                CustomerEditor.open(getSite().getPage(), row.id(), row.name());
            } catch (PartInitException e) {
                reportError(e.getMessage());
            }
        }
    }

    /** The model's own words: a refusal names the cap or who has the customer. */
    static String message(RuntimeException e) {
        if (e instanceof ValidationException v) {
            return v.getErrors().stream().map(FieldError::message).collect(Collectors.joining("\n"));
        }
        return Jobs.message(e);
    }

    public Button claimButton() {
        return claimButton;
    }

    /** The rows read so far (tests look at them). */
    public List<PoolRow> loadedRows() {
        return rows.loaded();
    }

    /** The list's grid (tests sort, arrange and read it). */
    @Override
    public VirtualGrid<PoolRow> grid() {
        return grid;
    }

    @Override
    protected String errorTitle() {
        return PoolMessages.View_error;
    }

    /** Edit › Show History on the selected row's record. */
    @Override
    protected java.util.Optional<org.salesbench.ui.forms.SelectedRecord> recordOf(PoolRow row) {
        return java.util.Optional.of(new org.salesbench.ui.forms.SelectedRecord(Customer.ENTITY, row.id(), row.name()));
    }
}
