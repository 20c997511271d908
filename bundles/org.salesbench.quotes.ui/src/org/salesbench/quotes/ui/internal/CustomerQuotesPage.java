package org.salesbench.quotes.ui.internal;

import java.util.List;
import java.util.Map;

import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;
import org.salesbench.customers.Customer;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.EntityFormEditor;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.TablePages;
import org.salesbench.ui.forms.Tables;

/**
 * The customer editor's Quotes page: every quote of the customer's opportunities, the newest first, read
 * in a job when the page is made and again when the editor reloads the customer. Quotes are worked on in
 * their opportunity's editor; this page shows where each stands.
 */
public class CustomerQuotesPage extends FormPage implements EntityFormEditor.ValidatingPage<Customer>, org.salesbench.ui.forms.RecordSelection {

    public static final String ID = "org.salesbench.quotes.ui.customerEditor.quotes";

    private final long customerId;
    private TableViewer viewer;
    private Label status;

    public CustomerQuotesPage(FormEditor editor, String id, String label, Customer customer) {
        super(editor, id, label);
        this.customerId = customer.getId();
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        Composite body = TablePages.body(managedForm, getTitle());
        status = TablePages.statusLine(managedForm, body);
        viewer = TablePages.table(body);
        Tables.column(viewer, Quote.class, Messages.CustomerQuotes_opportunity, 220, q -> q.getOpportunity().getName());
        Tables.column(viewer, Quote.class, Messages.Quotes_version, 60, q -> String.valueOf(q.getVersionNumber()));
        Tables.column(viewer, Quote.class, Messages.Quotes_status, 90, q -> Labels.of(q.getStatus()));
        Tables.column(viewer, Quote.class, Messages.Quotes_total, 110, q -> Labels.moneyExact(q.getGrandTotal()));
        Tables.column(viewer, Quote.class, Messages.Quotes_validUntil, 100, q -> Formats.date(q.getValidUntil()));
        load();
    }

    private void load() {
        Jobs.load(viewer.getTable(), Messages.Job_loadQuotes, () -> Services.get(QuoteService.class).listForCustomer(customerId), quotes -> {
            viewer.setInput(quotes);
            status.setText(NLS.bind(Messages.CustomerQuotes_count, quotes.size()));
        }, e -> status.setText(e.getMessage()));
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

    /** The quotes shown, for tests. */
    @SuppressWarnings("unchecked")
    public List<Quote> shownQuotes() {
        return viewer == null || viewer.getInput() == null ? List.of() : (List<Quote>) viewer.getInput();
    }

    /** The table, for tests. */
    Table table() {
        return viewer.getTable();
    }

    /** The status line, for tests. */
    String statusText() {
        return status.getText();
    }

    /** Edit › Show History on the selected quote. */
    @Override
    public java.util.Optional<org.salesbench.ui.forms.SelectedRecord> selectedRecord() {
        if (viewer == null || viewer.getTable().isDisposed() || !(viewer.getStructuredSelection().getFirstElement() instanceof Quote q)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new org.salesbench.ui.forms.SelectedRecord(Quote.ENTITY, q.getId(), q.getOpportunity().getName() + " #" + q.getVersionNumber()));
    }
}
