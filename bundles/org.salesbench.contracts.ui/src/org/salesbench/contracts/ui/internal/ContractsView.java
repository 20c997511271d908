package org.salesbench.contracts.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.PartInitException;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.ContractSort;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.ConflictDialog;
import org.salesbench.ui.forms.FilterBars;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.GridListView;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Undo;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.forms.VirtualRows;

/**
 * The contract list: a search box (number, title, customer), mine only, ending within N days (signed or running, N
 * shown and chosen), overdue (money past due) and a status filter over a grid read a block at a time
 * ({@link VirtualGrid}), with each contract's collected and open amounts. A click on a column header sorts the
 * whole list in the database ({@link ContractSort}), the header menu hides, shows and chooses columns, headers drag
 * to reorder, and the layout is kept per user. Double-click opens the contract; New… makes one from a won deal or an
 * accepted quote.
 */
public class ContractsView extends GridListView<ContractFilter, ContractRow> {

    public static final String ID = "org.salesbench.contracts.ui.views.contracts";

    static final int BLOCK = 100;
    /** The days "ending within" starts with, as the renewal reminder's. */
    static final int EXPIRING_DAYS = 30;
    private static final int CACHED_BLOCKS = 32;

    private Button mineCheck;
    private Combo statusCombo;
    private Button expiringCheck;
    private Spinner expiringDays;
    private Button overdueCheck;
    private VirtualGrid<ContractRow> grid;
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
        // ending within N days: the check, the days (shown, 30 unless changed) and their unit kept together
        Composite expiring = new Composite(bar, SWT.NONE);
        RowLayout together = new RowLayout(SWT.HORIZONTAL);
        together.center = true;
        together.marginLeft = 0;
        together.marginRight = 0;
        together.marginTop = 0;
        together.marginBottom = 0;
        expiring.setLayout(together);
        expiringCheck = new Button(expiring, SWT.CHECK);
        expiringCheck.setText(Messages.Contracts_expiring);
        expiringCheck.addListener(SWT.Selection, e -> applyFilter());
        expiringDays = new Spinner(expiring, SWT.BORDER);
        expiringDays.setValues(EXPIRING_DAYS, 0, 3650, 0, 1, 30);
        expiringDays.addModifyListener(e -> {
            if (expiringCheck.getSelection()) {
                filterSoon();
            }
        });
        new Label(expiring, SWT.NONE).setText(Messages.Contracts_expiringDays);
        overdueCheck = new Button(bar, SWT.CHECK);
        overdueCheck.setText(Messages.Contracts_overdue);
        overdueCheck.addListener(SWT.Selection, e -> applyFilter());
        List<VirtualGrid.Column<ContractRow>> columns = List.of(
                VirtualGrid.Column.<ContractRow>of("number", Messages.Field_number, 130, r -> r.contract().getNumber())
                        .sortBy(ContractSort.Column.NUMBER),
                VirtualGrid.Column.<ContractRow>of("customer", Messages.Field_customer, 180, r -> r.contract().getCustomer().getName())
                        .sortBy(ContractSort.Column.CUSTOMER),
                VirtualGrid.Column.<ContractRow>of("title", Messages.Field_title, 180, r -> Formats.text(r.contract().getTitle()))
                        .sortBy(ContractSort.Column.TITLE),
                VirtualGrid.Column.<ContractRow>of("amount", Messages.Field_amount, 110, r -> Labels.money(r.contract().getAmount())).right()
                        .sortBy(ContractSort.Column.AMOUNT),
                VirtualGrid.Column.<ContractRow>of("status", Messages.Field_status, 80, r -> Labels.of(r.contract().getStatus()))
                        .sortBy(ContractSort.Column.STATUS),
                VirtualGrid.Column.<ContractRow>of("signedOn", Messages.Field_signedOn, 95, r -> Formats.date(r.contract().getSignedOn()))
                        .sortBy(ContractSort.Column.SIGNED_ON),
                VirtualGrid.Column.<ContractRow>of("startDate", Messages.Field_startDate, 95, r -> Formats.date(r.contract().getStartDate()))
                        .sortBy(ContractSort.Column.START_DATE),
                VirtualGrid.Column.<ContractRow>of("endDate", Messages.Field_endDate, 95, r -> Formats.date(r.contract().getEndDate()))
                        .sortBy(ContractSort.Column.END_DATE),
                VirtualGrid.Column.<ContractRow>of("owner", Messages.Field_owner, 90, r -> Formats.text(r.contract().getOwner()))
                        .sortBy(ContractSort.Column.OWNER),
                // what is collected and open comes from the receivables of the page's contracts: not an order of the list
                VirtualGrid.Column.<ContractRow>of("collected", Messages.Field_collected, 110, ContractRow::collected).right(),
                VirtualGrid.Column.<ContractRow>of("open", Messages.Field_open, 110, ContractRow::open).right().warnWhen(ContractRow::overdue));
        grid = new VirtualGrid<>(parent, ID, columns, BLOCK, CACHED_BLOCKS, Messages.Job_loadContracts, Jobs.FAMILY, Messages.Loading);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        grid.restoreLayout();
        rows = grid.rows();
        rows.onFailure(e -> reportError(Jobs.message(e)));
        grid.onOpen(this::open);
        grid.onSort(this::refresh);
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
        toolbar.add(new Action(Messages.Step_renew) {
            @Override
            public void run() {
                ContractRow row = selectedRow();
                if (row != null) {
                    ContractCommands.renew(grid.control(), row.contract().getId(),
                            done -> MessageDialog.openInformation(getSite().getShell(), Messages.Step_renew, done), ContractsView.this::reportError);
                }
            }
        });
        toolbar.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        listenForChanges(Contract.ENTITY);
        refresh();
    }

    @Override
    protected void applyFilter() {
        if (grid.control().isDisposed()) {
            return;
        }
        int index = statusCombo.getSelectionIndex();
        ContractStatus status = index > 0 ? ContractStatus.values()[index - 1] : null;
        filter = ContractFilter.all().mine(mineCheck.getSelection()).withStatus(status).withText(searchText.getText())
                .expiringWithin(expiringCheck.getSelection() ? Integer.valueOf(expiringDays.getSelection()) : null).overdue(overdueCheck.getSelection());
        refresh();
    }

    @Override
    public void refresh() {
        ContractFilter f = filter;
        ContractSort sort = sort();
        int current = rows.restart(block -> () -> ContractRow.read(f, sort, block * BLOCK, BLOCK));
        record FirstPage(long count, List<ContractRow> rows) {
        }
        rows.run(() -> new FirstPage(Services.get(ContractService.class).count(f), ContractRow.read(f, sort, 0, BLOCK)), first -> {
            rows.show(first.rows(), first.count());
            setContentDescription(NLS.bind(Messages.Contracts_count, String.format("%,d", first.count())));
        }, current);
    }

    private void open(ContractRow row) {
        try {
            ContractEditor.open(getSite().getPage(), row.contract().getId(), row.contract().getNumber());
        } catch (PartInitException e) {
            reportError(e.getMessage());
        }
    }

    /** The order the grid's headers chose, or the list's own (newest first). */
    private ContractSort sort() {
        return grid.sortKey() instanceof ContractSort.Column column ? new ContractSort(column, grid.ascending()) : ContractSort.DEFAULT;
    }

    /** Asks for the won deal or accepted quote, makes the draft and opens it. */
    public void newContract() {
        NewContractDialog dialog = new NewContractDialog(getSite().getShell());
        if (dialog.open() == Window.OK && dialog.created() != null) {
            ContractCommands.open(getSite().getPage(), dialog.created(), this::reportError);
        }
    }

    // --- the Edit menu's Delete and the File menu's New… (org.salesbench.ui.forms.ListCommands)

    private ContractRow selectedRow() {
        return grid.selectedRow();
    }

    @Override
    public boolean canDeleteSelection() {
        return selectedRow() != null;
    }

    /**
     * Moves the selected contract to the recycle bin after asking, as its editor's Delete does (the model checks the DELETE
     * right), but only if it is still the version the list shows: a contract changed since is reported, not deleted.
     * Edit › Undo restores it.
     */
    @Override
    public void deleteSelection() {
        ContractRow row = selectedRow();
        if (row == null) {
            return;
        }
        Contract seen = row.contract();
        if (!MessageDialog.openConfirm(getSite().getShell(), Messages.Step_delete, NLS.bind(Messages.Step_deleteConfirm, seen.getNumber()))) {
            return;
        }
        long id = seen.getId();
        Jobs.load(grid.control(), Messages.Step_delete, () -> {
            deleteAt(id, seen.getVersion());
            return id;
        }, done -> {
            Undo.done(new org.salesbench.ui.forms.DeleteToBinOperation(NLS.bind(Messages.Undo_delete, seen.getNumber()), Contract.ENTITY,
                    java.util.Map.of(id, seen.getVersion()), ContractsView::currentVersion,
                    versions -> versions.forEach(ContractsView::deleteAt)));
            refresh();
        }, e -> {
            if (e instanceof ConcurrentChangeException conflict) {
                if (ConflictDialog.askReload(getSite().getShell(), seen.getNumber(), conflict)) {
                    refresh();
                }
            } else {
                reportError(Jobs.message(e));
            }
        });
    }

    private static void deleteAt(long id, long seenVersion) {
        Services.get(ContractService.class).delete(id, seenVersion);
    }

    private static Long currentVersion(long id) {
        return Services.get(ContractService.class).find(id).map(Contract::getVersion).orElse(null);
    }

    @Override
    public boolean canCreate() {
        return true;
    }

    @Override
    public void create() {
        newContract();
    }

    Combo statusCombo() {
        return statusCombo;
    }

    Button mineCheck() {
        return mineCheck;
    }

    Button expiringCheck() {
        return expiringCheck;
    }

    Spinner expiringDays() {
        return expiringDays;
    }

    Button overdueCheck() {
        return overdueCheck;
    }

    List<ContractRow> loadedRows() {
        return new ArrayList<>(rows.loaded());
    }

    /** Opens the row's editor, as a double-click does. */
    void openRow(int index) {
        grid.selectRow(index);
        ContractRow row = grid.selectedRow();
        if (row != null) {
            open(row);
        }
    }

    @Override
    protected VirtualGrid<ContractRow> grid() {
        return grid;
    }

    @Override
    protected String errorTitle() {
        return Messages.Contracts_errorTitle;
    }

    /** Edit › Show History on the selected row's record. */
    @Override
    protected java.util.Optional<org.salesbench.ui.forms.SelectedRecord> recordOf(ContractRow row) {
        return java.util.Optional.of(new org.salesbench.ui.forms.SelectedRecord(Contract.ENTITY, row.contract().getId(), row.contract().getNumber()));
    }
}
