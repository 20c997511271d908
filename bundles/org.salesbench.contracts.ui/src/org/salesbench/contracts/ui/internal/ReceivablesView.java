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
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PartInitException;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.receivables.OpenInstalment;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.FilterBars;
import org.salesbench.ui.forms.FilteredListView;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualRows;

/**
 * Receivables: the open instalments of approved contracts across all the user may see, overdue first (earliest due
 * first), each with its ageing bucket; "Overdue only" keeps those past due. Record receipt… records money on the
 * selected row's contract; double-click opens the contract.
 */
public class ReceivablesView extends FilteredListView<Boolean> {

    public static final String ID = "org.salesbench.contracts.ui.views.receivables";

    static final int BLOCK = 100;

    private Button overdueCheck;
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
        table = new Table(parent, SWT.VIRTUAL | SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        String[] titles = {Messages.Field_number, Messages.Field_customer, Messages.Receipt_instalment, Messages.Field_dueDate,
                Messages.Field_amount, Messages.Field_open, Messages.Receivables_daysOverdue, Messages.Receivables_bucket, Messages.Field_owner};
        int[] widths = {130, 200, 70, 100, 120, 120, 90, 110, 90};
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, i == 4 || i == 5 || i == 6 ? SWT.RIGHT : SWT.LEFT);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
        }
        rows = new VirtualRows<>(table, BLOCK, 32, Messages.Job_loadReceivables, Jobs.FAMILY);
        rows.onFailure(e -> reportError(Jobs.message(e)));
        table.addListener(SWT.SetData, e -> fill((TableItem) e.item, e.index));
        table.addListener(SWT.DefaultSelection, e -> openSelected());
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
        if (!table.isDisposed()) {
            filter = overdueCheck.getSelection();
            refresh();
        }
    }

    @Override
    public void refresh() {
        boolean overdue = filter;
        LocalDate day = LocalDate.now(Clocks.system());
        ReceivablesService service = Services.get(ReceivablesService.class);
        int current = rows.restart(block -> () -> service.openInstalments(day, overdue, block * BLOCK, BLOCK));
        record FirstPage(long count, long overdue, List<OpenInstalment> rows) {
        }
        rows.run(() -> new FirstPage(service.countOpenInstalments(day, overdue), service.countOpenInstalments(day, true),
                service.openInstalments(day, overdue, 0, BLOCK)), first -> {
                    asOf = day;
                    rows.show(first.rows(), first.count());
                    setContentDescription(NLS.bind(Messages.Receivables_count, String.format("%,d", first.count()), String.format("%,d", first.overdue())));
                }, current);
    }

    private void fill(TableItem item, int index) {
        OpenInstalment row = rows.row(index);
        if (row == null) {
            if (!rows.isLoaded(index)) {
                item.setText(0, Messages.Loading);
            }
            return;
        }
        item.setData(row);
        long days = row.daysOverdue(asOf);
        item.setText(new String[] {row.contractNumber(), Formats.text(row.customerName()), "#" + row.position(), Formats.date(row.dueDate()),
                Labels.money(row.amount()), Labels.money(row.open()), row.isOverdue(asOf) ? String.valueOf(days) : "",
                Labels.of(row.bucket(asOf)), Formats.text(row.owner())});
        item.setForeground(6, row.isOverdue(asOf) ? table.getDisplay().getSystemColor(SWT.COLOR_RED) : null);
    }

    private OpenInstalment selected() {
        TableItem[] items = table.getSelection();
        return items.length == 1 && items[0].getData() instanceof OpenInstalment row ? row : null;
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
        table.setSelection(index);
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    protected String errorTitle() {
        return Messages.Receivables_errorTitle;
    }
}
