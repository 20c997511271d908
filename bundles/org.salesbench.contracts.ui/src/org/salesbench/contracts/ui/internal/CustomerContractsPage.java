package org.salesbench.contracts.ui.internal;

import java.util.List;
import java.util.Map;

import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.contracts.receivables.CustomerCredit;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.ui.Services;
import org.salesbench.customers.Customer;
import org.salesbench.customers.ui.CustomerEditorPageFactory;
import org.salesbench.ui.forms.EntityFormEditor;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.TablePages;
import org.salesbench.ui.forms.Tables;

/**
 * The customer editor's Contracts page: the customer's contracts, newest first, with what each has collected and what
 * is open (red when some of it is past due). Double-click opens the contract. Below, the customer's credit ledger
 * (over-payments held, reversals taking them back). Edit › Show History names the selected contract or credit entry,
 * whichever list was used last.
 */
public class CustomerContractsPage extends FormPage implements EntityFormEditor.ValidatingPage<Customer>, org.salesbench.ui.forms.RecordSelection {

    public static final String ID = "org.salesbench.contracts.ui.customerEditor.contracts";
    private static final int SHOWN = 500;

    /** The page's factory ({@code org.salesbench.customers.ui.editorPages}). */
    public static class Factory implements CustomerEditorPageFactory {
        @Override
        public IFormPage createPage(FormEditor editor, String id, String label, Customer customer) {
            return new CustomerContractsPage(editor, id, label, customer);
        }
    }

    private final long customerId;
    private TableViewer viewer;
    private TableViewer credit;
    private TableViewer focused;
    private Label creditStatus;
    private Label status;
    private Map<Long, String> numbers = Map.of();

    public CustomerContractsPage(FormEditor editor, String id, String label, Customer customer) {
        super(editor, id, label);
        this.customerId = customer.getId();
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        Composite body = TablePages.body(managedForm, getTitle());
        status = TablePages.statusLine(managedForm, body);
        viewer = TablePages.table(body);
        Tables.column(viewer, ContractRow.class, Messages.Field_number, 130, r -> r.contract().getNumber());
        Tables.column(viewer, ContractRow.class, Messages.Field_title, 200, r -> Formats.text(r.contract().getTitle()));
        Tables.column(viewer, ContractRow.class, Messages.Field_status, 80, r -> Labels.of(r.contract().getStatus()));
        Tables.column(viewer, ContractRow.class, Messages.Field_amount, 110, r -> Labels.money(r.contract().getAmount()));
        Tables.column(viewer, ContractRow.class, Messages.Field_collected, 110, ContractRow::collected);
        Tables.column(viewer, ContractRow.class, Messages.Field_open, 110, ContractRow::open);
        Tables.column(viewer, ContractRow.class, Messages.Field_endDate, 100, r -> Formats.date(r.contract().getEndDate()));
        viewer.addDoubleClickListener(e -> {
            if (viewer.getStructuredSelection().getFirstElement() instanceof ContractRow row) {
                try {
                    ContractEditor.open(getSite().getPage(), row.contract().getId(), row.contract().getNumber());
                } catch (PartInitException ex) {
                    status.setText(ex.getMessage());
                }
            }
        });
        viewer.addSelectionChangedListener(e -> focused = viewer);
        viewer.getTable().addListener(SWT.FocusIn, e -> focused = viewer);
        creditStatus = managedForm.getToolkit().createLabel(body, Messages.Credit_label);
        credit = Tables.create(body);
        org.eclipse.swt.layout.GridData creditData = new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.FILL, true, false);
        creditData.heightHint = 100;
        credit.getTable().setLayoutData(creditData);
        Tables.column(credit, CustomerCredit.class, Messages.Credit_column_date, 100, c -> Formats.date(c.getEntryDate()));
        Tables.column(credit, CustomerCredit.class, Messages.Field_amount, 120, c -> Labels.money(c.getAmount()));
        Tables.column(credit, CustomerCredit.class, Messages.Credit_column_contract, 130,
                c -> numbers.getOrDefault(c.getContractId(), String.valueOf(c.getContractId())));
        credit.addSelectionChangedListener(e -> focused = credit);
        credit.getTable().addListener(SWT.FocusIn, e -> focused = credit);
        load();
    }

    private void load() {
        Jobs.load(credit.getTable(), Messages.Job_loadContracts, () -> Services.get(ReceivablesService.class).creditEntries(customerId), entries -> {
            credit.setInput(entries);
            java.util.Map<String, java.math.BigDecimal> held = new java.util.TreeMap<>();
            entries.forEach(c -> held.merge(c.getAmount().getCurrency(), c.getAmount().getAmount(), java.math.BigDecimal::add));
            creditStatus.setText(held.isEmpty() ? Messages.Credit_label : Messages.Credit_label + " " + String.join(", ",
                    held.entrySet().stream().map(h -> Labels.money(org.salesbench.core.model.Money.of(h.getValue(), h.getKey()))).toList()));
            creditStatus.getParent().layout(true, true);
        }, e -> creditStatus.setText(Jobs.message(e)));
        Jobs.load(viewer.getTable(), Messages.Job_loadContracts, () -> ContractRow.read(ContractFilter.all().withCustomer(customerId), 0, SHOWN),
                rows -> {
                    java.util.Map<Long, String> byId = new java.util.HashMap<>();
                    rows.forEach(r -> byId.put(r.contract().getId(), r.contract().getNumber()));
                    numbers = byId;
                    if (credit.getInput() != null) {
                        credit.refresh();
                    }
                    viewer.setInput(rows);
                    long overdue = rows.stream().filter(ContractRow::overdue).count();
                    status.setText(NLS.bind(Messages.CustomerContracts_count, rows.size(), overdue));
                    for (int i = 0; i < rows.size(); i++) {
                        if (rows.get(i).overdue()) {
                            viewer.getTable().getItem(i).setForeground(5, viewer.getTable().getDisplay().getSystemColor(SWT.COLOR_RED));
                        }
                    }
                }, e -> status.setText(Jobs.message(e)));
    }

    @Override
    public void showErrors(Map<String, String> errors) {
        // the page edits nothing
    }

    @Override
    public void reload(Customer customer) {
        if (viewer != null && !viewer.getTable().isDisposed()) {
            load();
        }
    }

    @SuppressWarnings("unchecked")
    public List<ContractRow> shownRows() {
        return viewer == null || viewer.getInput() == null ? List.of() : (List<ContractRow>) viewer.getInput();
    }

    String statusText() {
        return status.getText();
    }

    /** The contracts' table, for tests. */
    TableViewer contractsViewer() {
        return viewer;
    }

    /** The credit ledger's table, for tests. */
    TableViewer creditViewer() {
        return credit;
    }

    /** Edit › Show History on the selected credit entry (the ledger used last) or contract. */
    @Override
    public java.util.Optional<org.salesbench.ui.forms.SelectedRecord> selectedRecord() {
        if (viewer == null || viewer.getTable().isDisposed()) {
            return java.util.Optional.empty();
        }
        if (focused == credit && credit.getStructuredSelection().getFirstElement() instanceof CustomerCredit c) {
            return java.util.Optional.of(new org.salesbench.ui.forms.SelectedRecord(ReceivablesService.CREDIT_AUDIT_ENTITY, c.getId(),
                    NLS.bind(Messages.Credit_entry, new Object[] {Labels.money(c.getAmount()), Formats.date(c.getEntryDate()),
                            numbers.getOrDefault(c.getContractId(), String.valueOf(c.getContractId()))})));
        }
        if (viewer.getStructuredSelection().getFirstElement() instanceof ContractRow row) {
            return java.util.Optional.of(new org.salesbench.ui.forms.SelectedRecord(org.salesbench.contracts.Contract.ENTITY, row.contract().getId(),
                    row.contract().getNumber()));
        }
        return java.util.Optional.empty();
    }
}
