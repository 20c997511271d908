package org.salesbench.contracts.ui.internal;

import java.time.LocalDate;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.RecordTabs;

/**
 * Records money received on a contract: date, amount (in the contract's currency), method, reference. The model writes
 * it off against the open instalments, earliest due first, and holds what is left as the customer's credit; a refusal
 * (an unapproved contract, a zero amount) stays in the dialog with its reason and nothing is saved. The same dialog shows
 * a recorded receipt (opened from the contract's Receipts page), read only since a receipt is reversed, never edited;
 * after its own tab it has the tabs every record dialog gets ({@link RecordTabs}: the History).
 */
public class ReceiptDialog extends TitleAreaDialog {

    private final long contractId;
    private final String contractNumber;
    private final String currency;
    private final String suggested;
    private DateTime date;
    private Text amount;
    private Combo method;

    /** The methods a user may record: not {@code CREDIT}, which only applying a customer's credit writes. */
    static final java.util.List<ReceiptMethod> METHODS = java.util.Arrays.stream(ReceiptMethod.values()).filter(m -> m != ReceiptMethod.CREDIT).toList();
    private Text reference;
    private Receipt recorded;
    /** The receipt shown, or {@code null} while recording a new one. */
    private final Receipt shown;
    private TabFolder tabs;

    /** @param suggested the amount offered (what is open), or {@code null} */
    public ReceiptDialog(Shell parent, long contractId, String contractNumber, String currency, String suggested) {
        super(parent);
        this.contractId = contractId;
        this.contractNumber = contractNumber;
        this.currency = currency;
        this.suggested = suggested;
        this.shown = null;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** Shows the recorded {@code receipt} of the contract, read only, with its history. */
    public ReceiptDialog(Shell parent, String contractNumber, Receipt receipt) {
        super(parent);
        this.contractId = receipt.getContractId();
        this.contractNumber = contractNumber;
        this.currency = receipt.getAmount().getCurrency();
        this.suggested = null;
        this.shown = receipt;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(shown == null ? Messages.Receipt_title : Messages.Receipt_shownTitle);
    }

    /** Wide enough for the History tab's columns, whatever the record's own tab needs. */
    @Override
    protected org.eclipse.swt.graphics.Point getInitialSize() {
        org.eclipse.swt.graphics.Point preferred = super.getInitialSize();
        return new org.eclipse.swt.graphics.Point(Math.max(preferred.x, 960), Math.max(preferred.y, 540));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        if (shown == null) {
            setTitle(Messages.Receipt_title);
            setMessage(NLS.bind(Messages.Receipt_message, contractNumber, currency));
        } else {
            setTitle(NLS.bind(Messages.Receipt_shownHeading, contractNumber, Formats.date(shown.getReceivedOn())));
            setMessage(Messages.Receipt_shownMessage);
        }
        Composite area = (Composite) super.createDialogArea(parent);
        tabs = new TabFolder(area, SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite body = new Composite(tabs, SWT.NONE);
        body.setLayout(new GridLayout(2, false));
        TabItem details = new TabItem(tabs, SWT.NONE);
        details.setText(Messages.Receipt_detailsTab);
        details.setControl(body);
        if (shown == null) {
            createFields(body);
        } else {
            showFields(body);
        }
        RecordTabs.add(tabs, ReceivablesService.RECEIPT_AUDIT_ENTITY, () -> shown == null ? 0 : shown.getId());
        return area;
    }

    private void createFields(Composite body) {
        new Label(body, SWT.NONE).setText(Messages.Field_receivedOn);
        date = new DateTime(body, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        Fields.set(date, LocalDate.now(Clocks.system()));
        new Label(body, SWT.NONE).setText(Messages.Field_amount);
        amount = new Text(body, SWT.BORDER);
        amount.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        if (suggested != null) {
            amount.setText(suggested);
        }
        new Label(body, SWT.NONE).setText(Messages.Field_method);
        method = new Combo(body, SWT.READ_ONLY);
        for (ReceiptMethod m : METHODS) {
            method.add(Labels.of(m));
        }
        method.select(0);
        new Label(body, SWT.NONE).setText(Messages.Field_reference);
        reference = new Text(body, SWT.BORDER);
        reference.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    /** The recorded receipt's fields, read only. */
    private void showFields(Composite body) {
        shownField(body, Messages.Field_receivedOn, Formats.date(shown.getReceivedOn()));
        shownField(body, Messages.Field_amount, Labels.money(shown.getAmount()));
        shownField(body, Messages.Field_method, Labels.of(shown.getMethod()));
        shownField(body, Messages.Field_reference, Formats.text(shown.getReference()));
        shownField(body, Messages.Receipt_credited, shown.getCredited().getAmount().signum() == 0 ? "" : Labels.money(shown.getCredited()));
        shownField(body, Messages.Receipt_state, ReceiptsPage.state(shown));
    }

    private static void shownField(Composite body, String label, String value) {
        new Label(body, SWT.NONE).setText(label);
        Text text = new Text(body, SWT.READ_ONLY | SWT.BORDER);
        text.setText(value == null ? "" : value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    /** One button, Close, when the dialog shows a recorded receipt. */
    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        if (shown == null) {
            super.createButtonsForButtonBar(parent);
        } else {
            createButton(parent, org.eclipse.jface.dialogs.IDialogConstants.CANCEL_ID, org.eclipse.jface.dialogs.IDialogConstants.CLOSE_LABEL, true);
        }
    }

    /** The dialog's tabs: the receipt's own, then the contributed ones (tests). */
    TabFolder tabs() {
        return tabs;
    }

    /** The methods the picker offers (tests). */
    java.util.List<String> methodChoices() {
        return java.util.List.of(method.getItems());
    }

    /** Fills the fields as a user would (tests). */
    void fill(LocalDate on, String money, ReceiptMethod how, String ref) {
        Fields.set(date, on);
        amount.setText(money);
        method.select(METHODS.indexOf(how));
        reference.setText(ref == null ? "" : ref);
    }

    @Override
    protected void okPressed() {
        try {
            Money money = Money.of(Fields.amount(Messages.Field_amount, amount.getText()), currency);
            String ref = reference.getText().isBlank() ? null : reference.getText().strip();
            recorded = Services.get(ReceivablesService.class).recordReceipt(contractId, Fields.date(date), money,
                    METHODS.get(method.getSelectionIndex()), ref);
        } catch (RuntimeException e) {
            setErrorMessage(Jobs.message(e));
            return;
        }
        super.okPressed();
    }

    public Receipt recorded() {
        return recorded;
    }
}
