package org.salesbench.quotes.ui.internal;

import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;
import org.salesbench.customers.Customer;
import org.salesbench.opportunities.ui.OpportunityEditors;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteService;
import org.salesbench.quotes.QuoteSort;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.EntityFormEditor;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.TablePages;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.forms.VirtualRows;

/**
 * The customer editor's Quotes page: every quote of the customer's opportunities, the newest first, on a grid read a
 * block at a time ({@link VirtualGrid}) when the page is made and again when the editor reloads the customer. A click on
 * a column header sorts the whole list in the database ({@link QuoteSort}), the header menu hides, shows and chooses
 * columns, headers drag to reorder, the layout is kept per user, and the selected cells copy (Ctrl+C). Quotes are worked
 * on in their opportunity's editor: a double-click opens it.
 */
public class CustomerQuotesPage extends FormPage implements EntityFormEditor.ValidatingPage<Customer>, org.salesbench.ui.forms.RecordSelection {

    public static final String ID = "org.salesbench.quotes.ui.customerEditor.quotes";
    /** The layout every customer's Quotes page keeps for the user. */
    static final String GRID_ID = ID;

    private static final int BLOCK = 100;
    private static final int CACHED_BLOCKS = 10;

    private final long customerId;
    private VirtualGrid<Quote> grid;
    private VirtualRows<Quote> rows;
    private Label status;

    public CustomerQuotesPage(FormEditor editor, String id, String label, Customer customer) {
        super(editor, id, label);
        this.customerId = customer.getId();
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        Composite body = TablePages.body(managedForm, getTitle());
        status = TablePages.statusLine(managedForm, body);
        List<VirtualGrid.Column<Quote>> columns = List.of(
                VirtualGrid.Column.<Quote>of("opportunity", Messages.CustomerQuotes_opportunity, 220, q -> q.getOpportunity().getName())
                        .sortBy(QuoteSort.Column.OPPORTUNITY),
                VirtualGrid.Column.<Quote>of("version", Messages.Quotes_version, 60, q -> String.valueOf(q.getVersionNumber())).right()
                        .sortBy(QuoteSort.Column.VERSION),
                VirtualGrid.Column.<Quote>of("status", Messages.Quotes_status, 90, q -> Labels.of(q.getStatus())).sortBy(QuoteSort.Column.STATUS),
                VirtualGrid.Column.<Quote>of("total", Messages.Quotes_total, 110, q -> Labels.moneyExact(q.getGrandTotal())).right()
                        .sortBy(QuoteSort.Column.TOTAL),
                VirtualGrid.Column.<Quote>of("validUntil", Messages.Quotes_validUntil, 100, q -> Formats.date(q.getValidUntil()))
                        .sortBy(QuoteSort.Column.VALID_UNTIL));
        grid = new VirtualGrid<>(body, GRID_ID, columns, BLOCK, CACHED_BLOCKS, Messages.Job_loadQuotes, Jobs.FAMILY, Messages.CustomerQuotes_loading);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        grid.restoreLayout();
        rows = grid.rows();
        rows.onFailure(e -> status.setText(Jobs.message(e)));
        grid.onSort(this::load);
        grid.onOpen(this::openOpportunity);
        load();
    }

    /** The order the grid's headers chose, or the list's own (newest first). */
    private QuoteSort sort() {
        return grid.sortKey() instanceof QuoteSort.Column column ? new QuoteSort(column, grid.ascending()) : QuoteSort.DEFAULT;
    }

    private void load() {
        QuoteService service = Services.get(QuoteService.class);
        QuoteSort sort = sort();
        int current = rows.restart(block -> () -> service.listForCustomer(customerId, sort, block * BLOCK, BLOCK));
        record FirstPage(long count, List<Quote> quotes) {
        }
        rows.run(() -> new FirstPage(service.countForCustomer(customerId), service.listForCustomer(customerId, sort, 0, BLOCK)), first -> {
            rows.show(first.quotes(), first.count());
            status.setText(NLS.bind(Messages.CustomerQuotes_count, first.count()));
        }, current);
    }

    private void openOpportunity(Quote quote) {
        try {
            OpportunityEditors.open(getSite().getPage(), quote.getOpportunity().getId(), quote.getOpportunity().getName());
        } catch (PartInitException e) {
            status.setText(e.getMessage());
        }
    }

    @Override
    public void showErrors(Map<String, String> errors) {
        // the page edits nothing
    }

    @Override
    public void reload(Customer customer) {
        if (grid != null && !grid.control().isDisposed()) {
            load();
        }
    }

    /** The quotes read so far, in the order shown, for tests. */
    public List<Quote> shownQuotes() {
        return rows == null ? List.of() : rows.loaded();
    }

    /** Opens the row's opportunity, as a double-click does. */
    void openRow(int index) {
        grid.selectRow(index);
        Quote quote = grid.selectedRow();
        if (quote != null) {
            openOpportunity(quote);
        }
    }

    /** The grid, for tests. */
    VirtualGrid<Quote> grid() {
        return grid;
    }

    /** The status line, for tests. */
    String statusText() {
        return status.getText();
    }

    /** Edit › Show History on the selected quote. */
    @Override
    public java.util.Optional<org.salesbench.ui.forms.SelectedRecord> selectedRecord() {
        Quote quote = grid == null || grid.control().isDisposed() ? null : grid.selectedRow();
        return java.util.Optional.ofNullable(quote).map(QuotesPage::record);
    }
}
