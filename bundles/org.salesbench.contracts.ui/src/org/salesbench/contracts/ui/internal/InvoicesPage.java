package org.salesbench.contracts.ui.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.receivables.Instalment;
import org.salesbench.contracts.receivables.Invoice;
import org.salesbench.contracts.receivables.InvoiceStatus;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.TablePages;
import org.salesbench.ui.forms.Tables;

/** The contract's invoices: requested → issued (number, date) | void (reason), each for some of its instalments. */
public class InvoicesPage extends ContractRecordsPage implements org.salesbench.ui.forms.RecordSelection {

    public static final String ID = "org.salesbench.contracts.ui.editor.invoices";

    private Label status;
    private TableViewer viewer;
    private Button request;
    private Button issue;
    private Button voidIt;
    private List<Instalment> plan = List.of();

    public InvoicesPage(ContractEditor editor) {
        super(editor, ID, Messages.Page_invoices);
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        FormToolkit toolkit = managedForm.getToolkit();
        Composite body = TablePages.body(managedForm, getTitle());
        status = TablePages.statusLine(managedForm, body);
        Composite buttons = TablePages.buttonRow(managedForm, body);
        request = toolkit.createButton(buttons, Messages.Invoice_request, SWT.PUSH);
        request.addListener(SWT.Selection, e -> openRequest());
        issue = toolkit.createButton(buttons, Messages.Invoice_issue, SWT.PUSH);
        issue.addListener(SWT.Selection, e -> askIssue());
        voidIt = toolkit.createButton(buttons, Messages.Invoice_doVoid, SWT.PUSH);
        voidIt.addListener(SWT.Selection, e -> askVoid());
        viewer = TablePages.table(body);
        Tables.column(viewer, Invoice.class, Messages.Field_status, 90, i -> Labels.of(i.getStatus()));
        Tables.column(viewer, Invoice.class, Messages.Invoice_number, 120, i -> Formats.text(i.getNumber()));
        Tables.column(viewer, Invoice.class, Messages.Field_date, 100, i -> Formats.date(i.getInvoiceDate()));
        Tables.column(viewer, Invoice.class, Messages.Field_amount, 120, i -> Labels.money(i.getAmount()));
        Tables.column(viewer, Invoice.class, Messages.Invoice_tax, 100, i -> Labels.money(i.getTax()));
        Tables.column(viewer, Invoice.class, Messages.Invoice_instalments, 120, this::positions);
        Tables.column(viewer, Invoice.class, Messages.Field_reason, 160, i -> Formats.text(i.getVoidReason()));
        viewer.addSelectionChangedListener(e -> updateButtons());
        reload(editor.contract());
    }

    private String positions(Invoice invoice) {
        return plan.stream().filter(i -> invoice.getInstalmentIds().contains(i.getId())).map(i -> "#" + i.getPosition())
                .collect(Collectors.joining(", "));
    }

    @Override
    public void reload(Contract contract) {
        if (viewer == null || viewer.getTable().isDisposed()) {
            return;
        }
        long id = contract.getId();
        record Loaded(List<Invoice> invoices, List<Instalment> plan) {
        }
        Jobs.load(viewer.getTable(), Messages.Job_loadInvoices, () -> {
            ReceivablesService service = Services.get(ReceivablesService.class);
            return new Loaded(service.invoices(id), service.plan(id));
        }, loaded -> {
            plan = loaded.plan();
            viewer.setInput(loaded.invoices());
            status.setText(NLS.bind(Messages.Invoice_count, loaded.invoices().size()));
            updateButtons();
        }, e -> status.setText(Jobs.message(e)));
    }

    private Invoice selected() {
        return viewer.getStructuredSelection().getFirstElement() instanceof Invoice i ? i : null;
    }

    /** Edit › Show History on the selected invoice. */
    @Override
    public java.util.Optional<org.salesbench.ui.forms.SelectedRecord> selectedRecord() {
        Invoice i = viewer == null || viewer.getTable().isDisposed() ? null : selected();
        return i == null ? java.util.Optional.empty()
                : java.util.Optional.of(new org.salesbench.ui.forms.SelectedRecord(org.salesbench.contracts.receivables.ReceivablesService.INVOICE_AUDIT_ENTITY, i.getId(),
                        i.getNumber() == null ? String.valueOf(i.getId()) : i.getNumber()));
    }

    private void updateButtons() {
        Invoice i = selected();
        request.setEnabled(!plan.isEmpty());
        issue.setEnabled(i != null && i.getStatus() == InvoiceStatus.REQUESTED);
        voidIt.setEnabled(i != null && i.getStatus() != InvoiceStatus.VOID);
    }

    private void openRequest() {
        RequestDialog dialog = new RequestDialog(getSite().getShell());
        if (dialog.open() == Window.OK) {
            request(dialog.amount, dialog.tax, dialog.chosen);
        }
    }

    /** Asks for an invoice of the instalments. */
    public Job request(Money amount, Money tax, Set<Long> instalmentIds) {
        long id = editor.contract().getId();
        return step(Messages.Invoice_request, () -> Services.get(ReceivablesService.class).requestInvoice(id, amount, tax, instalmentIds));
    }

    private void askIssue() {
        Invoice i = selected();
        if (i == null) {
            return;
        }
        InputDialog dialog = new InputDialog(getSite().getShell(), Messages.Invoice_issue, Messages.Invoice_issueNumber, "",
                v -> v.isBlank() ? NLS.bind(Messages.Field_required, Messages.Invoice_number) : null);
        if (dialog.open() == Window.OK) {
            issue(i.getId(), dialog.getValue().strip(), LocalDate.now(Clocks.system()));
        }
    }

    public Job issue(long invoiceId, String number, LocalDate date) {
        return step(Messages.Invoice_issue, () -> Services.get(ReceivablesService.class).issueInvoice(invoiceId, number, date));
    }

    private void askVoid() {
        Invoice i = selected();
        if (i == null) {
            return;
        }
        InputDialog dialog = new InputDialog(getSite().getShell(), Messages.Invoice_doVoid, Messages.Invoice_voidWhy, "",
                v -> v.isBlank() ? NLS.bind(Messages.Field_required, Messages.Field_reason) : null);
        if (dialog.open() == Window.OK) {
            voidInvoice(i.getId(), dialog.getValue().strip());
        }
    }

    public Job voidInvoice(long invoiceId, String reason) {
        return step(Messages.Invoice_doVoid, () -> Services.get(ReceivablesService.class).voidInvoice(invoiceId, reason));
    }

    private Job step(String name, java.util.function.Supplier<Invoice> work) {
        return step(viewer.getTable(), name, work);
    }




    @SuppressWarnings("unchecked")
    public List<Invoice> shownInvoices() {
        return viewer.getInput() == null ? List.of() : (List<Invoice>) viewer.getInput();
    }

    /** Amount and tax of the invoice, and the instalments it is for (all open ones are ticked at first). */
    private final class RequestDialog extends TitleAreaDialog {

        private Text amountText;
        private Text taxText;
        private final Map<Button, Long> checks = new java.util.LinkedHashMap<>();
        Money amount;
        Money tax;
        Set<Long> chosen;

        RequestDialog(Shell parent) {
            super(parent);
        }

        @Override
        protected void configureShell(Shell shell) {
            super.configureShell(shell);
            shell.setText(Messages.Invoice_request);
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            setTitle(Messages.Invoice_request);
            setMessage(Messages.Invoice_requestMessage);
            Composite area = (Composite) super.createDialogArea(parent);
            Composite body = new Composite(area, SWT.NONE);
            body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            body.setLayout(new GridLayout(2, false));
            new Label(body, SWT.NONE).setText(Messages.Field_amount);
            amountText = new Text(body, SWT.BORDER);
            amountText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            new Label(body, SWT.NONE).setText(Messages.Invoice_tax);
            taxText = new Text(body, SWT.BORDER);
            taxText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            taxText.setText("0");
            new Label(body, SWT.NONE).setText(Messages.Invoice_instalments);
            Composite list = new Composite(body, SWT.NONE);
            list.setLayout(new GridLayout(1, false));
            java.math.BigDecimal open = java.math.BigDecimal.ZERO;
            for (Instalment i : plan) {
                Button check = new Button(list, SWT.CHECK);
                check.setText(NLS.bind(Messages.Invoice_instalmentLine, new Object[] {i.getPosition(), Formats.date(i.getDueDate()),
                        Labels.money(i.getAmount())}));
                boolean unpaid = i.getOpen().getAmount().signum() > 0;
                check.setSelection(unpaid);
                if (unpaid) {
                    open = open.add(i.getAmount().getAmount());
                }
                checks.put(check, i.getId());
            }
            amountText.setText(open.stripTrailingZeros().toPlainString());
            return area;
        }

        @Override
        protected void okPressed() {
            String currency = editor.contract().getCurrency();
            try {
                amount = Money.of(Fields.amount(Messages.Field_amount, amountText.getText()), currency);
                tax = Money.of(Fields.amount(Messages.Invoice_tax, taxText.getText()), currency);
            } catch (IllegalArgumentException e) {
                setErrorMessage(e.getMessage());
                return;
            }
            chosen = new HashSet<>();
            checks.forEach((b, id) -> {
                if (b.getSelection()) {
                    chosen.add(id);
                }
            });
            super.okPressed();
        }
    }
}
