package org.salesbench.contracts.ui.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.core.model.Money;

/** One instalment of a plan being edited: its due date and an amount or a percentage of the contract amount. */
public class InstalmentDialog extends TitleAreaDialog {

    private final String currency;
    private final PlannedInstalment initial;
    private DateTime due;
    private Button byPercent;
    private Text value;
    private Text description;
    private PlannedInstalment result;

    public InstalmentDialog(Shell parent, String currency, PlannedInstalment initial) {
        super(parent);
        this.currency = currency;
        this.initial = initial;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Instalment_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.Instalment_title);
        setMessage(Messages.Instalment_message);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        body.setLayout(new GridLayout(2, false));
        new Label(body, SWT.NONE).setText(Messages.Field_dueDate);
        due = new DateTime(body, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        new Label(body, SWT.NONE).setText(Messages.Instalment_amountOrPercent);
        value = new Text(body, SWT.BORDER);
        value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(body, SWT.NONE);
        byPercent = new Button(body, SWT.CHECK);
        byPercent.setText(Messages.Instalment_percent);
        new Label(body, SWT.NONE).setText(Messages.Field_description);
        description = new Text(body, SWT.BORDER);
        description.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        if (initial != null) {
            Fields.set(due, initial.dueDate());
            byPercent.setSelection(initial.percent() != null);
            value.setText(initial.percent() != null ? initial.percent().stripTrailingZeros().toPlainString()
                    : initial.amount().getAmount().stripTrailingZeros().toPlainString());
            description.setText(initial.description() == null ? "" : initial.description());
        }
        return area;
    }

    /** Fills the fields as a user would (tests). */
    void fill(LocalDate dueDate, String amountOrPercent, boolean percent) {
        Fields.set(due, dueDate);
        value.setText(amountOrPercent);
        byPercent.setSelection(percent);
    }

    @Override
    protected void okPressed() {
        try {
            String label = byPercent.getSelection() ? Messages.Instalment_percent : Messages.Field_amount;
            BigDecimal number = Fields.amount(label, value.getText());
            String text = description.getText().isBlank() ? null : description.getText().strip();
            result = byPercent.getSelection() ? new PlannedInstalment(Fields.date(due), null, number, text)
                    : new PlannedInstalment(Fields.date(due), Money.of(number, currency), null, text);
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        super.okPressed();
    }

    public PlannedInstalment result() {
        return result;
    }
}
