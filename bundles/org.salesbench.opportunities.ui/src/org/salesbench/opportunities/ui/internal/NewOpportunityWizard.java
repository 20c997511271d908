package org.salesbench.opportunities.ui.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.core.validation.Decimals;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerSort;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;

/**
 * File > New > Opportunity: find the customer by the start of its name (searched in a job), choose
 * the pipeline, name and amount; Finish creates it in the pipeline's first stage and opens it.
 */
public class NewOpportunityWizard extends Wizard implements INewWizard {

    private static final int CUSTOMER_MATCHES = 50;

    private final CustomerService customers = Services.get(CustomerService.class);
    private final OpportunityService service = Services.get(OpportunityService.class);
    private List<Pipeline> pipelines;
    private OpportunityPage page;
    private Opportunity created;

    final class OpportunityPage extends WizardPage {
        Text customerSearch;
        Combo customerCombo;
        List<CustomerRow> matches = List.of();
        Combo pipelineCombo;
        Text name;
        Text amount;
        DateTime closeDate;

        OpportunityPage() {
            super("opportunity");
            setTitle(Messages.NewOpportunity_title);
            setDescription(Messages.NewOpportunity_message);
        }

        @Override
        public void createControl(Composite parent) {
            Composite body = new Composite(parent, SWT.NONE);
            body.setLayout(new GridLayout(2, false));
            new Label(body, SWT.NONE).setText(Messages.NewOpportunity_findCustomer);
            customerSearch = new Text(body, SWT.SEARCH | SWT.ICON_SEARCH);
            customerSearch.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            customerSearch.addModifyListener(e -> search());
            new Label(body, SWT.NONE).setText(Messages.Field_customer);
            customerCombo = new Combo(body, SWT.READ_ONLY);
            customerCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            customerCombo.addListener(SWT.Selection, e -> update());
            new Label(body, SWT.NONE).setText(Messages.Field_pipeline);
            pipelineCombo = new Combo(body, SWT.READ_ONLY);
            pipelines.forEach(p -> pipelineCombo.add(p.getLabel()));
            pipelineCombo.select(0);
            new Label(body, SWT.NONE).setText(Messages.Field_name);
            name = new Text(body, SWT.BORDER);
            name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            name.addModifyListener(e -> update());
            new Label(body, SWT.NONE).setText(NLS.bind(Messages.Convert_amount, Money.DEFAULT_CURRENCY));
            amount = new Text(body, SWT.BORDER | SWT.RIGHT);
            amount.setText("0");
            amount.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            amount.addModifyListener(e -> update());
            new Label(body, SWT.NONE).setText(Messages.Field_closeDate);
            closeDate = new DateTime(body, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
            LocalDate inAQuarter = LocalDate.now(Clocks.system()).plusDays(90);
            closeDate.setDate(inAQuarter.getYear(), inAQuarter.getMonthValue() - 1, inAQuarter.getDayOfMonth());
            setControl(body);
            search();
            update();
        }

        private void search() {
            String text = customerSearch.getText().strip();
            CustomerFilter filter = new CustomerFilter(text.isEmpty() ? null : text, Set.of(), Set.of(), null, null, false);
            Jobs.load(customerCombo, Messages.Job_loadCustomers, () -> customers.page(filter, CustomerSort.DEFAULT, 0, CUSTOMER_MATCHES), rows -> {
                matches = rows;
                customerCombo.removeAll();
                rows.forEach(r -> customerCombo.add(r.name()));
                if (!rows.isEmpty()) {
                    customerCombo.select(0);
                }
                update();
            }, e -> setErrorMessage(e.getMessage()));
        }

        Money amountValue() {
            try {
                return Money.of(Decimals.parseAmount(amount.getText().strip().replace(",", "")), Money.DEFAULT_CURRENCY);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private boolean amountTooLarge() {
            try {
                Decimals.parseAmount(amount.getText().strip().replace(",", ""));
                return false;
            } catch (Decimals.OutOfRange e) {
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        void update() {
            String error = null;
            if (customerCombo.getSelectionIndex() < 0) {
                error = NLS.bind(Messages.Field_required, Messages.Field_customer);
            } else if (name.getText().isBlank()) {
                error = NLS.bind(Messages.Field_required, Messages.Field_name);
            } else if (amountValue() == null) {
                error = amountTooLarge() ? Decimals.tooLarge(Messages.Field_amountName, amount.getText())
                        : NLS.bind(Messages.Field_notANumber, Messages.Field_amountName, amount.getText());
            } else if (amountValue().isNegative()) {
                error = NLS.bind(Messages.Field_negative, Messages.Field_amountName);
            }
            // no error before the user has typed anything: the page opens with its description
            setErrorMessage(name.getText().isEmpty() && error != null && error.equals(NLS.bind(Messages.Field_required, Messages.Field_name)) ? null : error);
            setPageComplete(error == null);
        }
    }

    public NewOpportunityWizard() {
        setWindowTitle(Messages.NewOpportunity_title);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        // nothing taken from the selection
    }

    @Override
    public void addPages() {
        pipelines = Services.get(PipelineService.class).pipelines(true);
        page = new OpportunityPage();
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        try {
            CustomerRow row = page.matches.get(page.customerCombo.getSelectionIndex());
            Opportunity opportunity = new Opportunity(customers.find(row.id()).orElseThrow(), page.name.getText().strip(), page.amountValue());
            opportunity.setPipeline(pipelines.get(page.pipelineCombo.getSelectionIndex()));
            opportunity.setExpectedCloseDate(LocalDate.of(page.closeDate.getYear(), page.closeDate.getMonth() + 1, page.closeDate.getDay()));
            created = service.create(opportunity);
        } catch (ValidationException e) {
            page.setErrorMessage(e.getMessage());
            return false;
        }
        try {
            var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            if (window != null) {
                OpportunityEditor.open(window.getActivePage(), created.getId(), created.getName());
            }
        } catch (PartInitException e) {
            page.setErrorMessage(e.getMessage());
        }
        return true;
    }

    /** The saved opportunity after Finish. */
    public Opportunity created() {
        return created;
    }
}
