package org.salesbench.contracts.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.PartInitException;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.FilterBars;
import org.salesbench.ui.forms.FilteredListView;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualRows;

/**
 * The contract list: a search box (number, title, customer), mine only, and a status filter over a virtual table read a
 * block at a time, with each contract's collected and open amounts. Double-click opens the contract; New… makes one from
 * a won deal or an accepted quote.
 */
public class ContractsView extends FilteredListView<ContractFilter> {

    public static final String ID = "org.salesbench.contracts.ui.views.contracts";

    static final int BLOCK = 100;
    private static final int CACHED_BLOCKS = 32;

    private Button mineCheck;
    private Combo statusCombo;
    private VirtualRows<ContractRow> rows;

    public ContractsView() {
        super(ContractFilter.class, ContractFilter.all());
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = FilterBars.create(parent);
        searchText = FilterBars.search(bar, Messages.Contracts_searchHint, this::filterSoon);
        mineCheck = new Button(bar, SWT.CHECK);
        mineCheck.setText(Messages.Contracts_mine);
        mineCheck.addListener(SWT.Selection, e -> applyFilter());
        statusCombo = new Combo(FilterBars.labelled(bar, Messages.Field_status), SWT.READ_ONLY);
        statusCombo.add(Messages.Filter_any);
        for (ContractStatus s : ContractStatus.values()) {
            statusCombo.add(Labels.of(s));
        }
        statusCombo.select(0);
        statusCombo.addListener(SWT.Selection, e -> applyFilter());
        table = new Table(parent, SWT.VIRTUAL | SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        String[] titles = {Messages.Field_number, Messages.Field_customer, Messages.Field_title, Messages.Field_amount, Messages.Field_status,
                Messages.Field_signedOn, Messages.Field_startDate, Messages.Field_endDate, Messages.Field_owner, Messages.Field_collected,
                Messages.Field_open};
        int[] widths = {130, 180, 180, 110, 80, 95, 95, 95, 90, 110, 110};
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, i == 3 || i >= 9 ? SWT.RIGHT : SWT.LEFT);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
        }
        rows = new VirtualRows<>(table, BLOCK, CACHED_BLOCKS, Messages.Job_loadContracts, Jobs.FAMILY);
        rows.onFailure(e -> reportError(Jobs.message(e)));
        table.addListener(SWT.SetData, e -> fill((TableItem) e.item, e.index));
        table.addListener(SWT.DefaultSelection, e -> openSelected());
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(new Action(Messages.Contracts_new) {
            @Override
            public void run() {
                newContract();
            }
        });
        toolbar.add(new Action(Messages.Action_refresh) {
            @Override
            public void run() {
                refresh();
            }
        });
        toolbar.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        listenForChanges(Contract.ENTITY);
        refresh();
    }

    @Override
    protected void applyFilter() {
        if (table.isDisposed()) {
            return;
        }
        int index = statusCombo.getSelectionIndex();
        ContractStatus status = index > 0 ? ContractStatus.values()[index - 1] : null;
        filter = ContractFilter.all().mine(mineCheck.getSelection()).withStatus(status).withText(searchText.getText());
        refresh();
    }

    @Override
    public void refresh() {
        ContractFilter f = filter;
        int current = rows.restart(block -> () -> ContractRow.read(f, block * BLOCK, BLOCK));
        record FirstPage(long count, List<ContractRow> rows) {
        }
        rows.run(() -> new FirstPage(Services.get(ContractService.class).count(f), ContractRow.read(f, 0, BLOCK)), first -> {
            rows.show(first.rows(), first.count());
            setContentDescription(NLS.bind(Messages.Contracts_count, String.format("%,d", first.count())));
        }, current);
    }

    private void fill(TableItem item, int index) {
        ContractRow row = rows.row(index);
        if (row == null) {
            if (!rows.isLoaded(index)) {
                item.setText(0, Messages.Loading);
            }
            return;
        }
        Contract c = row.contract();
        item.setData(row);
        item.setText(new String[] {c.getNumber(), c.getCustomer().getName(), Formats.text(c.getTitle()), Labels.money(c.getAmount()),
                Labels.of(c.getStatus()), Formats.date(c.getSignedOn()), Formats.date(c.getStartDate()), Formats.date(c.getEndDate()),
                Formats.text(c.getOwner()), row.collected(), row.open()});
        item.setForeground(10, row.overdue() ? table.getDisplay().getSystemColor(SWT.COLOR_RED) : null);
    }

    private void openSelected() {
        TableItem[] items = table.getSelection();
        if (items.length == 1 && items[0].getData() instanceof ContractRow row) {
            try {
                ContractEditor.open(getSite().getPage(), row.contract().getId(), row.contract().getNumber());
            } catch (PartInitException e) {
                reportError(e.getMessage());
            }
        }
    }

    /** Asks for the won deal or accepted quote, makes the draft and opens it. */
    public void newContract() {
        NewContractDialog dialog = new NewContractDialog(getSite().getShell());
        if (dialog.open() == Window.OK && dialog.created() != null) {
            ContractCommands.open(getSite().getPage(), dialog.created(), this::reportError);
        }
    }

    Combo statusCombo() {
        return statusCombo;
    }

    Button mineCheck() {
        return mineCheck;
    }

    List<ContractRow> loadedRows() {
        return new ArrayList<>(rows.loaded());
    }

    /** Opens the row's editor, as a double-click does. */
    void openRow(int index) {
        table.setSelection(index);
        openSelected();
    }

    @Override
    protected String errorTitle() {
        return Messages.Contracts_errorTitle;
    }
}
