package org.salesbench.opportunities.ui.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.Decimals;
import org.salesbench.opportunities.ConversionRequest;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadDuplicate;
import org.salesbench.opportunities.LeadScreening;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.StageKind;
import org.salesbench.ui.forms.Formats;

/**
 * Asks how to convert a qualified lead and shows what will be created: a new customer or the
 * existing one screening found, the contact, and the opportunity with its pipeline, first stage
 * and amount. The conversion itself is one transaction of the lead service.
 */
public class ConvertLeadDialog extends TitleAreaDialog {

    private final Lead lead;
    private final LeadScreening screening;
    private final List<Pipeline> pipelines;
    private final List<LeadDuplicate> customers = new ArrayList<>();
    private final List<Button> customerChoices = new ArrayList<>();
    private Combo pipelineCombo;
    private Text nameText;
    private Text amountText;
    private Button closeDateSet;
    private DateTime closeDate;
    private Label summary;
    private ConversionRequest request;

    public ConvertLeadDialog(Shell shell, Lead lead, LeadScreening screening, List<Pipeline> pipelines) {
        super(shell);
        this.lead = lead;
        this.screening = screening;
        this.pipelines = pipelines;
        screening.duplicates().stream().filter(d -> d.kind() == LeadDuplicate.Kind.CUSTOMER).forEach(customers::add);
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Convert_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(NLS.bind(Messages.Convert_heading, lead.getCompany()));
        setMessage(Messages.Convert_message);
        Composite body = new Composite(area, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        body.setLayout(new GridLayout(2, false));

        Group customerGroup = new Group(body, SWT.NONE);
        customerGroup.setText(Messages.Convert_customer);
        customerGroup.setLayout(new GridLayout(1, false));
        customerGroup.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        Button fresh = new Button(customerGroup, SWT.RADIO);
        fresh.setText(NLS.bind(Messages.Convert_newCustomer, lead.getCompany()));
        customerChoices.add(fresh);
        // the lead service attaches a lead to the customer it duplicates, never makes a second one
        fresh.setEnabled(customers.isEmpty());
        if (!customers.isEmpty()) {
            fresh.setToolTipText(Messages.Convert_duplicateExists);
        }
        for (LeadDuplicate d : customers) {
            Button existing = new Button(customerGroup, SWT.RADIO);
            existing.setText(NLS.bind(Messages.Convert_existingCustomer, d.name(), NLS.bind(Messages.Convert_matchedBy, Labels.of(d.reason()),
                    Formats.text(d.matchedValue()))));
            customerChoices.add(existing);
        }
        // as the service would: the duplicate it found, else a new customer
        customerChoices.get(customers.isEmpty() ? 0 : 1).setSelection(true);
        customerChoices.forEach(b -> b.addListener(SWT.Selection, e -> update()));

        new Label(body, SWT.NONE).setText(Messages.Convert_pipeline);
        pipelineCombo = new Combo(body, SWT.READ_ONLY);
        pipelines.forEach(p -> pipelineCombo.add(p.getLabel()));
        pipelineCombo.select(0);
        pipelineCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        pipelineCombo.addListener(SWT.Selection, e -> update());

        new Label(body, SWT.NONE).setText(Messages.Convert_opportunityName);
        nameText = new Text(body, SWT.BORDER);
        nameText.setText(NLS.bind(Messages.Convert_defaultName, lead.getCompany()));
        nameText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        nameText.addModifyListener(e -> update());

        new Label(body, SWT.NONE).setText(NLS.bind(Messages.Convert_amount, currency()));
        amountText = new Text(body, SWT.BORDER | SWT.RIGHT);
        amountText.setText(lead.getBudget() == null ? "0" : Labels.amount(lead.getBudget()));
        amountText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        amountText.addModifyListener(e -> update());

        closeDateSet = new Button(body, SWT.CHECK);
        closeDateSet.setText(Messages.Convert_closeDate);
        closeDateSet.setSelection(true);
        closeDate = new DateTime(body, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        LocalDate inAQuarter = LocalDate.now(Clocks.system()).plusDays(90);
        closeDate.setDate(inAQuarter.getYear(), inAQuarter.getMonthValue() - 1, inAQuarter.getDayOfMonth());
        closeDateSet.addListener(SWT.Selection, e -> update());
        closeDate.addListener(SWT.Selection, e -> update());

        Label heading = new Label(body, SWT.NONE);
        heading.setText(Messages.Convert_willCreate);
        heading.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false, 2, 1));
        summary = new Label(body, SWT.WRAP);
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        data.widthHint = 420;
        summary.setLayoutData(data);
        update();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Convert_ok, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        update();
    }

    private String currency() {
        return lead.getBudget() == null ? Money.DEFAULT_CURRENCY : lead.getBudget().getCurrency();
    }

    private int customerChoice() {
        for (int i = 0; i < customerChoices.size(); i++) {
            if (customerChoices.get(i).getSelection()) {
                return i;
            }
        }
        return 0;
    }

    private void update() {
        if (summary == null) {
            return;
        }
        String error = null;
        Money amount = null;
        try {
            amount = Money.of(Decimals.parseAmount(amountText.getText().strip().replace(",", "")), currency());
            if (amount.isNegative()) {
                error = NLS.bind(Messages.Field_negative, Messages.Convert_amountField);
            }
        } catch (Decimals.OutOfRange e) {
            error = Decimals.tooLarge(Messages.Convert_amountField, amountText.getText());
        } catch (NumberFormatException e) {
            error = NLS.bind(Messages.Field_notANumber, Messages.Convert_amountField, amountText.getText());
        }
        if (nameText.getText().isBlank()) {
            error = NLS.bind(Messages.Field_required, Messages.Convert_opportunityNameField);
        }
        Pipeline pipeline = pipelines.isEmpty() ? null : pipelines.get(Math.max(0, pipelineCombo.getSelectionIndex()));
        if (pipeline == null) {
            error = Messages.Convert_noPipeline;
        }
        int choice = customerChoice();
        LocalDate close = closeDateSet.getSelection() ? LocalDate.of(closeDate.getYear(), closeDate.getMonth() + 1, closeDate.getDay()) : null;
        closeDate.setEnabled(closeDateSet.getSelection());
        setErrorMessage(error);
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(error == null);
        }
        String stage = pipeline == null ? "" : pipeline.firstStage(StageKind.OPEN).map(s -> s.getLabel()).orElse("");
        List<String> lines = new ArrayList<>();
        lines.add(choice == 0 ? NLS.bind(Messages.Convert_createsCustomer, lead.getCompany())
                : NLS.bind(Messages.Convert_attachesCustomer, customers.get(choice - 1).name()));
        lines.add(NLS.bind(Messages.Convert_createsContact, Formats.text(lead.getContactName()),
                Formats.text(lead.getPhone() != null ? lead.getPhone() : lead.getEmail())));
        lines.add(NLS.bind(Messages.Convert_createsOpportunity, new Object[] {nameText.getText(), pipeline == null ? "" : pipeline.getLabel(), stage,
                amount == null ? amountText.getText() : Labels.money(amount)}));
        summary.setText("• " + String.join("\n• ", lines));
        summary.getParent().layout(true, true);
        request = error != null ? null
                : new ConversionRequest(choice == 0 ? null : customers.get(choice - 1).id(), pipeline.getId(), nameText.getText().strip(), amount,
                        close);
    }

    /** The request, after OK. */
    public ConversionRequest request() {
        return request;
    }

    /** The summary shown ("will create …"), for tests. */
    String summaryText() {
        return summary.getText();
    }

    /** Chooses the customer option, 0 being "new customer", for tests. */
    void chooseCustomer(int index) {
        customerChoices.forEach(b -> b.setSelection(false));
        customerChoices.get(index).setSelection(true);
        update();
    }

    /** The opportunity name field, for tests. */
    Text nameField() {
        return nameText;
    }

    @Override
    protected void okPressed() {
        update();
        if (request != null) {
            super.okPressed();
        }
    }
}
