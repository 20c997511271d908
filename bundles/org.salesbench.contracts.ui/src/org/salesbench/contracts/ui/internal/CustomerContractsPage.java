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
import org.salesbench.customers.Customer;
import org.salesbench.customers.ui.CustomerEditorPageFactory;
import org.salesbench.ui.forms.EntityFormEditor;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.TablePages;
import org.salesbench.ui.forms.Tables;

/**
 * The customer editor's Contracts page: the customer's contracts, newest first, with what each has collected and what
 * is open (red when some of it is past due). Double-click opens the contract.
 */
public class CustomerContractsPage extends FormPage implements EntityFormEditor.ValidatingPage<Customer> {

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
    private Label status;

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
        load();
    }

    private void load() {
        Jobs.load(viewer.getTable(), Messages.Job_loadContracts, () -> ContractRow.read(ContractFilter.all().withCustomer(customerId), 0, SHOWN),
                rows -> {
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
}
