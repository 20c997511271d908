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
import org.eclipse.swt.widgets.Text;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;

/**
 * Records money received on a contract: date, amount (in the contract's currency), method, reference. The model writes
 * it off against the open instalments, earliest due first, and holds what is left as the customer's credit; a refusal
 * (an unapproved contract, a zero amount) stays in the dialog with its reason and nothing is saved.
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

    /** @param suggested the amount offered (what is open), or {@code null} */
    public ReceiptDialog(Shell parent, long contractId, String contractNumber, String currency, String suggested) {
        super(parent);
        this.contractId = contractId;
        this.contractNumber = contractNumber;
        this.currency = currency;
        this.suggested = suggested;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Receipt_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.Receipt_title);
        setMessage(NLS.bind(Messages.Receipt_message, contractNumber, currency));
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        body.setLayout(new GridLayout(2, false));
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
        return area;
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
