package org.salesbench.contracts.ui.internal;

import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.receivables.Allocation;
import org.salesbench.contracts.receivables.ContractBalance;
import org.salesbench.contracts.receivables.Instalment;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.TablePages;
import org.salesbench.ui.forms.Tables;

/**
 * The contract's receipts (回款) and reversals, with what the contract has collected and what is open; the selected
 * receipt's write-offs against the instalments below. Record receipt… and Reverse… go through the model.
 */
public class ReceiptsPage extends ContractRecordsPage implements org.salesbench.ui.forms.RecordSelection {

    public static final String ID = "org.salesbench.contracts.ui.editor.receipts";

    private Label summary;
    private TableViewer receipts;
    private TableViewer allocations;
    private Button record;
    private Button reverse;
    private Button open;
    /** The table the user last worked in: Show History names its selected receipt or write-off. */
    private TableViewer focused;
    private ContractBalance balance;
    private Map<Long, Integer> positions = Map.of();

    public ReceiptsPage(ContractEditor editor) {
        super(editor, ID, Messages.Page_receipts);
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        FormToolkit toolkit = managedForm.getToolkit();
        Composite body = TablePages.body(managedForm, getTitle());
        summary = TablePages.statusLine(managedForm, body);
        Composite buttons = TablePages.buttonRow(managedForm, body);
        record = toolkit.createButton(buttons, Messages.Receipt_record, SWT.PUSH);
        record.addListener(SWT.Selection, e -> openRecordDialog());
        reverse = toolkit.createButton(buttons, Messages.Receipt_reverse, SWT.PUSH);
        reverse.addListener(SWT.Selection, e -> askReverse());
        open = toolkit.createButton(buttons, Messages.Receipt_open, SWT.PUSH);
        open.addListener(SWT.Selection, e -> openSelected());
        receipts = Tables.create(body);
        GridData receiptsData = new GridData(SWT.FILL, SWT.FILL, true, true);
        receiptsData.heightHint = 160;
        receipts.getTable().setLayoutData(receiptsData);
        Tables.column(receipts, Receipt.class, Messages.Field_receivedOn, 100, r -> Formats.date(r.getReceivedOn()));
        Tables.column(receipts, Receipt.class, Messages.Field_amount, 120, r -> Labels.money(r.getAmount()));
        Tables.column(receipts, Receipt.class, Messages.Field_method, 100, r -> Labels.of(r.getMethod()));
        Tables.column(receipts, Receipt.class, Messages.Field_reference, 120, r -> Formats.text(r.getReference()));
        Tables.column(receipts, Receipt.class, Messages.Receipt_credited, 110,
                r -> r.getCredited().getAmount().signum() == 0 ? "" : Labels.money(r.getCredited()));
        Tables.column(receipts, Receipt.class, Messages.Receipt_state, 200, ReceiptsPage::state);
        receipts.addSelectionChangedListener(e -> {
            focused = receipts;
            readAllocations();
            updateButtons();
        });
        receipts.addDoubleClickListener(e -> openSelected());
        receipts.getTable().addListener(SWT.FocusIn, e -> focused = receipts);
        toolkit.createLabel(body, Messages.Receipt_allocations);
        allocations = Tables.create(body);
        GridData allocationData = new GridData(SWT.FILL, SWT.FILL, true, false);
        allocationData.heightHint = 90;
        allocations.getTable().setLayoutData(allocationData);
        Tables.column(allocations, Allocation.class, Messages.Receipt_instalment, 90,
                a -> positions.containsKey(a.getInstalmentId()) ? "#" + positions.get(a.getInstalmentId()) : "-");
        Tables.column(allocations, Allocation.class, Messages.Field_amount, 120,
                a -> Labels.money(Money.of(a.getAmount(), editor.contract().getCurrency())));
        Tables.column(allocations, Allocation.class, Messages.Field_date, 100, a -> Formats.date(a.getOnDate()));
        allocations.addSelectionChangedListener(e -> focused = allocations);
        allocations.getTable().addListener(SWT.FocusIn, e -> focused = allocations);
        reload(editor.contract());
    }

    static String state(Receipt r) {
        if (r.isReversal()) {
            return NLS.bind(Messages.Receipt_reversal, Formats.text(r.getReason()));
        }
        return r.isReversed() ? Messages.Receipt_reversed : "";
    }

    @Override
    public void reload(Contract contract) {
        if (receipts == null || receipts.getTable().isDisposed()) {
            return;
        }
        long id = contract.getId();
        record Loaded(List<Receipt> receipts, ContractBalance balance, Map<Long, Integer> positions) {
        }
        Jobs.load(receipts.getTable(), Messages.Job_loadReceipts, () -> {
            ReceivablesService service = Services.get(ReceivablesService.class);
            Map<Long, Integer> pos = new java.util.HashMap<>();
            for (Instalment i : service.plan(id)) {
                pos.put(i.getId(), i.getPosition());
            }
            return new Loaded(service.receipts(id), service.balances(List.of(id), java.time.LocalDate.now(Clocks.system())).get(id), pos);
        }, loaded -> {
            balance = loaded.balance();
            positions = loaded.positions();
            receipts.setInput(loaded.receipts());
            allocations.setInput(List.of());
            summary.setText(balance == null ? "" : NLS.bind(Messages.Receipt_summary, new Object[] {Labels.money(balance.planned()),
                    Labels.money(balance.collected()), Labels.money(balance.open()), Labels.money(balance.overdue())}));
            summary.getParent().layout(true, true);
            updateButtons();
        }, e -> summary.setText(Jobs.message(e)));
    }

    private Receipt selected() {
        return receipts.getStructuredSelection().getFirstElement() instanceof Receipt r ? r : null;
    }

    private void readAllocations() {
        Receipt r = selected();
        if (r == null) {
            allocations.setInput(List.of());
            return;
        }
        Jobs.load(allocations.getTable(), Messages.Job_loadReceipts, () -> Services.get(ReceivablesService.class).allocations(r.getId()),
                found -> allocations.setInput(found), this::reportFailure);
    }

    private void updateButtons() {
        record.setEnabled(editor.contract().getStatus().isApproved());
        Receipt r = selected();
        reverse.setEnabled(r != null && !r.isReversal() && !r.isReversed());
        open.setEnabled(r != null);
    }

    /** Shows the selected receipt in its dialog, with its history. */
    private void openSelected() {
        Receipt r = selected();
        if (r != null) {
            openReceipt(r).open();
        }
    }

    /** The dialog showing a recorded receipt, not yet opened (tests open it without blocking). */
    ReceiptDialog openReceipt(Receipt r) {
        return new ReceiptDialog(getSite().getShell(), editor.contract().getNumber(), r);
    }

    private void openRecordDialog() {
        String open = balance == null || balance.open().getAmount().signum() <= 0 ? null : balance.open().getAmount().toPlainString();
        ReceiptDialog dialog = new ReceiptDialog(getSite().getShell(), editor.contract().getId(), editor.contract().getNumber(),
                editor.contract().getCurrency(), open);
        if (dialog.open() == Window.OK) {
            editor.reload();
        }
    }

    private void askReverse() {
        Receipt r = selected();
        if (r == null) {
            return;
        }
        InputDialog dialog = new InputDialog(getSite().getShell(), Messages.Receipt_reverse,
                NLS.bind(Messages.Receipt_reverseWhy, Labels.money(r.getAmount()), Formats.date(r.getReceivedOn())), "",
                v -> v.isBlank() ? NLS.bind(Messages.Field_required, Messages.Field_reason) : null);
        if (dialog.open() == Window.OK) {
            reverse(r.getId(), dialog.getValue().strip());
        }
    }

    /** Reverses (红冲) the receipt with a reason, in a job. */
    public Job reverse(long receiptId, String reason) {
        return Jobs.load(receipts.getTable(), Messages.Receipt_reverse, () -> Services.get(ReceivablesService.class).reverse(receiptId, reason),
                done -> editor.reload(), this::reportFailure);
    }




    @SuppressWarnings("unchecked")
    public List<Receipt> shownReceipts() {
        return receipts.getInput() == null ? List.of() : (List<Receipt>) receipts.getInput();
    }

    String summaryText() {
        return summary.getText();
    }

    Button recordButton() {
        return record;
    }

    /** The write-offs of the selected receipt shown, for tests. */
    TableViewer allocationsViewer() {
        return allocations;
    }

    /** The receipts' table, for tests. */
    TableViewer receiptsViewer() {
        return receipts;
    }

    /**
     * Edit › Show History on the selected write-off (when the write-offs' table was the last one used and a row is
     * selected in it), else on the selected receipt.
     */
    @Override
    public java.util.Optional<org.salesbench.ui.forms.SelectedRecord> selectedRecord() {
        if (receipts == null || receipts.getTable().isDisposed()) {
            return java.util.Optional.empty();
        }
        if (focused == allocations && allocations.getStructuredSelection().getFirstElement() instanceof Allocation a) {
            String instalment = positions.containsKey(a.getInstalmentId()) ? "#" + positions.get(a.getInstalmentId()) : "-";
            return java.util.Optional.of(new org.salesbench.ui.forms.SelectedRecord(ReceivablesService.ALLOCATION_AUDIT_ENTITY, a.getId(),
                    NLS.bind(Messages.Allocation_name, new Object[] {instalment, Labels.money(Money.of(a.getAmount(), editor.contract().getCurrency())),
                            Formats.date(a.getOnDate())})));
        }
        Receipt r = selected();
        return r == null ? java.util.Optional.empty()
                : java.util.Optional.of(new org.salesbench.ui.forms.SelectedRecord(org.salesbench.contracts.receivables.ReceivablesService.RECEIPT_AUDIT_ENTITY, r.getId(),
                        org.salesbench.ui.forms.Formats.date(r.getReceivedOn()) + (r.getReference() == null ? "" : " " + r.getReference())));
    }
}
