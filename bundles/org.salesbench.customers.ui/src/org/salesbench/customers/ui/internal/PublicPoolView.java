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
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PartInitException;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.persistence.Picklists;
import org.salesbench.customers.Customer;
import org.salesbench.customers.pool.CustomerPool;
import org.salesbench.customers.pool.PoolFilter;
import org.salesbench.customers.pool.PoolRow;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.FilterBars;
import org.salesbench.ui.forms.FilteredListView;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualRows;

/**
 * The public pool (公海): the customers nobody owns, longest in the pool first, with where and when each came from;
 * filters by name, industry, region and days in the pool; Claim takes the selected ones for the current user, within
 * the cap the model enforces (its refusal is shown as it words it).
 */
public class PublicPoolView extends FilteredListView<PoolFilter> {

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
        table = new Table(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        String[] titles = { PoolMessages.Column_name, PoolMessages.Column_industry, PoolMessages.Column_region, PoolMessages.Column_grade,
                PoolMessages.Column_since, PoolMessages.Column_from, PoolMessages.Column_reason };
        int[] widths = { 240, 90, 80, 50, 130, 90, 260 };
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
        }
        rows = new VirtualRows<>(table, BLOCK, CACHED_BLOCKS, PoolMessages.Job_load, FAMILY);
        rows.onFailure(e -> reportError(message(e)));
        table.addListener(SWT.SetData, e -> fill((TableItem) e.item, e.index));
        table.addListener(SWT.DefaultSelection, e -> openSelected());
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
        if (table.isDisposed()) {
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
        int current = rows.restart(block -> () -> pool.page(f, block * BLOCK, BLOCK));
        rows.run(() -> {
            List<PoolRow> first = pool.page(f, 0, BLOCK);
            return new FirstBlock(first, first.size() < BLOCK ? first.size() : pool.count(f));
        }, first -> {
            rows.show(first.rows(), first.count());
            setContentDescription(NLS.bind(PoolMessages.View_count, String.format("%,d", first.count())));
        }, current);
    }

    private void fill(TableItem item, int index) {
        PoolRow row = rows.row(index);
        if (row == null) {
            if (!rows.isLoaded(index)) {
                item.setText(0, PoolMessages.View_loading);
            }
            return;
        }
        item.setData(row);
        item.setText(new String[] { row.name(), Formats.text(Industries.label(row.industry())), Formats.text(row.region()), Formats.text(row.grade()),
                row.pooledAt() == null ? "" : Formats.dateTime(row.pooledAt()), Formats.text(row.pooledFrom()), Formats.text(row.reason()) });
    }

    private List<PoolRow> selectedRows() {
        // by index from the current rows: an item keeps the row it showed before a refresh until it is painted again
        List<PoolRow> selected = new ArrayList<>();
        for (int index : table.getSelectionIndices()) {
            PoolRow row = rows.row(index);
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
        Jobs.load(table, PoolMessages.Job_claim, () -> {
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

    @Override
    protected String errorTitle() {
        return PoolMessages.View_error;
    }
}
