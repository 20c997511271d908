package org.salesbench.contracts.ui.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.PartInitException;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.receivables.OpenInstalment;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.contracts.receivables.ReceivablesSort;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.FilterBars;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.GridListView;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.forms.VirtualRows;

/**
 * Receivables: the open instalments of approved contracts across all the user may see, overdue first (earliest due
 * first), each with its ageing bucket; "Overdue only" keeps those past due. Record receipt… records money on the
 * selected row's contract; double-click opens the contract. The rows are a {@link VirtualGrid}: a header click sorts
 * every open instalment in the database ({@link ReceivablesSort}), columns hide, show and move, the layout is kept per
 * user.
 */
public class ReceivablesView extends GridListView<Boolean, OpenInstalment> {

    public static final String ID = "org.salesbench.contracts.ui.views.receivables";

    static final int BLOCK = 100;

    private Button overdueCheck;
    private VirtualGrid<OpenInstalment> grid;
    private VirtualRows<OpenInstalment> rows;
    private LocalDate asOf;

    public ReceivablesView() {
        super(Boolean.class, Boolean.FALSE);
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = FilterBars.create(parent);
        // the list is over instalments, not text: the search box of the frame is kept for focus, disabled
        searchText = FilterBars.search(bar, Messages.Receivables_searchHint, () -> { });
        searchText.setEnabled(false);
        searchText.setVisible(false);
        overdueCheck = new Button(bar, SWT.CHECK);
        overdueCheck.setText(Messages.Receivables_overdueOnly);
        overdueCheck.addListener(SWT.Selection, e -> applyFilter());
        List<VirtualGrid.Column<OpenInstalment>> columns = List.of(
                VirtualGrid.Column.<OpenInstalment>of("number", Messages.Field_number, 130, OpenInstalment::contractNumber)
                        .sortBy(ReceivablesSort.Column.CONTRACT_NUMBER),
                VirtualGrid.Column.<OpenInstalment>of("customer", Messages.Field_customer, 200, r -> Formats.text(r.customerName()))
                        .sortBy(ReceivablesSort.Column.CUSTOMER),
                VirtualGrid.Column.<OpenInstalment>of("instalment", Messages.Receipt_instalment, 70, r -> "#" + r.position())
                        .sortBy(ReceivablesSort.Column.INSTALMENT),
                VirtualGrid.Column.<OpenInstalment>of("dueDate", Messages.Field_dueDate, 125, r -> Formats.date(r.dueDate()))
                        .sortBy(ReceivablesSort.Column.DUE_DATE),
                VirtualGrid.Column.<OpenInstalment>of("amount", Messages.Field_amount, 120, r -> Labels.money(r.amount())).right()
                        .sortBy(ReceivablesSort.Column.AMOUNT),
                VirtualGrid.Column.<OpenInstalment>of("open", Messages.Field_open, 120, r -> Labels.money(r.open())).right()
                        .sortBy(ReceivablesSort.Column.OPEN),
                VirtualGrid.Column.<OpenInstalment>of("daysOverdue", Messages.Receivables_daysOverdue, 90,
                        r -> r.isOverdue(asOf) ? String.valueOf(r.daysOverdue(asOf)) : "").right().warnWhen(r -> r.isOverdue(asOf))
                        .sortBy(ReceivablesSort.Column.DAYS_OVERDUE),
                VirtualGrid.Column.<OpenInstalment>of("bucket", Messages.Receivables_bucket, 110, r -> Labels.of(r.bucket(asOf)))
                        .sortBy(ReceivablesSort.Column.DAYS_OVERDUE),
                VirtualGrid.Column.<OpenInstalment>of("owner", Messages.Field_owner, 90, r -> Formats.text(r.owner())).sortBy(ReceivablesSort.Column.OWNER));
        grid = new VirtualGrid<>(parent, ID, columns, BLOCK, 32, Messages.Job_loadReceivables, Jobs.FAMILY, Messages.Loading);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        grid.restoreLayout();
        rows = grid.rows();
        rows.onFailure(e -> reportError(Jobs.message(e)));
        grid.onOpen(row -> openSelected());
        grid.onSort(this::refresh);
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(new Action(Messages.Receipt_record) {
            @Override
            public void run() {
                recordReceipt();
            }
        });
        toolbar.add(new Action(Messages.Action_refresh) {
            @Override
            public void run() {
                refresh();
            }
        });
        listenForChanges(Contract.ENTITY);
        refresh();
    }

    @Override
    protected void applyFilter() {
        if (!grid.control().isDisposed()) {
            filter = overdueCheck.getSelection();
            refresh();
        }
    }

    @Override
    public void refresh() {
        boolean overdue = filter;
        LocalDate day = LocalDate.now(Clocks.system());
        ReceivablesService service = Services.get(ReceivablesService.class);
        ReceivablesSort sort = grid.sortKey() instanceof ReceivablesSort.Column column ? new ReceivablesSort(column, grid.ascending())
                : ReceivablesSort.DEFAULT;
        int current = rows.restart(block -> () -> service.openInstalments(day, overdue, sort, block * BLOCK, BLOCK));
        record FirstPage(long count, long overdue, List<OpenInstalment> rows) {
        }
        rows.run(() -> new FirstPage(service.countOpenInstalments(day, overdue), service.countOpenInstalments(day, true),
                service.openInstalments(day, overdue, sort, 0, BLOCK)), first -> {
                    asOf = day;
                    rows.show(first.rows(), first.count());
                    setContentDescription(NLS.bind(Messages.Receivables_count, String.format("%,d", first.count()), String.format("%,d", first.overdue())));
                }, current);
    }

    private OpenInstalment selected() {
        return grid.selectedRow();
    }

    private void openSelected() {
        OpenInstalment row = selected();
        if (row != null) {
            try {
                ContractEditor.open(getSite().getPage(), row.contractId(), row.contractNumber());
            } catch (PartInitException e) {
                reportError(e.getMessage());
            }
        }
    }

    /** Opens the receipt dialog on the selected row's contract, offering the row's open amount. */
    public void recordReceipt() {
        OpenInstalment row = selected();
        if (row == null) {
            reportError(Messages.Receivables_selectFirst);
            return;
        }
        ReceiptDialog dialog = receiptDialog(row);
        if (dialog.open() == Window.OK) {
            refresh();
        }
    }

    ReceiptDialog receiptDialog(OpenInstalment row) {
        return new ReceiptDialog(getSite().getShell(), row.contractId(), row.contractNumber(), row.open().getCurrency(),
                row.open().getAmount().toPlainString());
    }

    Button overdueCheck() {
        return overdueCheck;
    }

    List<OpenInstalment> loadedRows() {
        return new ArrayList<>(rows.loaded());
    }

    void selectRow(int index) {
        grid.selectRow(index);
    }

    @Override
    public void setFocus() {
        grid.control().setFocus();
    }

    @Override
    protected VirtualGrid<OpenInstalment> grid() {
        return grid;
    }

    @Override
    protected String errorTitle() {
        return Messages.Receivables_errorTitle;
    }

    /** Edit › Show History on the selected row's record. */
    @Override
    protected java.util.Optional<org.salesbench.ui.forms.SelectedRecord> recordOf(OpenInstalment row) {
        return java.util.Optional.of(new org.salesbench.ui.forms.SelectedRecord(Contract.ENTITY, row.contractId(), row.contractNumber()));
    }
}
