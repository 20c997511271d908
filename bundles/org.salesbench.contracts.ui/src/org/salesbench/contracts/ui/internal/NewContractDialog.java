package org.salesbench.contracts.ui.internal;

import java.util.List;
import java.util.Set;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractService;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.OpportunityRow;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.StageKind;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteService;
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Tables;

/**
 * New contract: choose a won deal (searched by name) and, if it has any, one of its accepted or approved quotes; the
 * model makes the draft with the customer, lines and amounts. OK stays disabled until a deal is chosen.
 */
public class NewContractDialog extends TitleAreaDialog {

    private static final int SHOWN = 200;

    private Text search;
    private TableViewer deals;
    private Combo quoteCombo;
    private List<Quote> quotes = List.of();
    private Contract created;

    public NewContractDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.NewContract_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.NewContract_title);
        setMessage(Messages.NewContract_message);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        body.setLayout(new GridLayout(2, false));
        new Label(body, SWT.NONE).setText(Messages.NewContract_search);
        search = new Text(body, SWT.SEARCH | SWT.ICON_SEARCH | SWT.BORDER);
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        search.addModifyListener(e -> loadDeals());
        deals = Tables.create(body);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        tableData.heightHint = 240;
        tableData.widthHint = 560;
        deals.getTable().setLayoutData(tableData);
        Tables.column(deals, OpportunityRow.class, Messages.Field_customer, 200, OpportunityRow::customerName);
        Tables.column(deals, OpportunityRow.class, Messages.Field_opportunity, 220, OpportunityRow::name);
        Tables.column(deals, OpportunityRow.class, Messages.Field_amount, 120, r -> Labels.money(r.amount()));
        deals.addSelectionChangedListener(e -> loadQuotes());
        new Label(body, SWT.NONE).setText(Messages.NewContract_from);
        quoteCombo = new Combo(body, SWT.READ_ONLY);
        quoteCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        quoteCombo.add(Messages.NewContract_theDeal);
        quoteCombo.select(0);
        loadDeals();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setText(Messages.NewContract_create);
        getButton(IDialogConstants.OK_ID).setEnabled(false);
    }

    private void loadDeals() {
        String text = search.getText().isBlank() ? null : search.getText().strip();
        OpportunityFilter won = new OpportunityFilter(text, null, Set.of(), Set.of(StageKind.WON), Set.of(), false, false);
        Jobs.load(deals.getTable(), Messages.Job_loadContracts, () -> Services.get(OpportunityService.class).page(won, 0, SHOWN),
                found -> deals.setInput(found), e -> setErrorMessage(Jobs.message(e)));
    }

    private OpportunityRow selectedDeal() {
        return deals.getStructuredSelection().getFirstElement() instanceof OpportunityRow row ? row : null;
    }

    private void loadQuotes() {
        OpportunityRow deal = selectedDeal();
        getButton(IDialogConstants.OK_ID).setEnabled(deal != null);
        quoteCombo.removeAll();
        quoteCombo.add(Messages.NewContract_theDeal);
        quoteCombo.select(0);
        quotes = List.of();
        if (deal == null) {
            return;
        }
        Jobs.load(quoteCombo, Messages.Job_loadContracts, () -> Services.get(QuoteService.class).listForOpportunity(deal.id()).stream()
                .filter(q -> q.getStatus() == QuoteStatus.ACCEPTED || q.getStatus() == QuoteStatus.APPROVED).toList(), found -> {
                    quotes = found;
                    found.forEach(q -> quoteCombo.add(org.eclipse.osgi.util.NLS.bind(Messages.NewContract_quote, q.getVersionNumber(),
                            Labels.money(q.getGrandTotal()))));
                }, e -> setErrorMessage(Jobs.message(e)));
    }

    /** Selects the deal with this id among those listed (tests). */
    void selectDeal(long opportunityId) {
        @SuppressWarnings("unchecked")
        List<OpportunityRow> shown = deals.getInput() == null ? List.of() : (List<OpportunityRow>) deals.getInput();
        shown.stream().filter(r -> r.id() == opportunityId).findFirst()
                .ifPresent(r -> deals.setSelection(new org.eclipse.jface.viewers.StructuredSelection(r), true));
    }

    int shownDeals() {
        return deals.getTable().getItemCount();
    }

    Combo quoteCombo() {
        return quoteCombo;
    }

    @Override
    protected void okPressed() {
        OpportunityRow deal = selectedDeal();
        if (deal == null) {
            return;
        }
        int index = quoteCombo.getSelectionIndex();
        try {
            ContractService service = Services.get(ContractService.class);
            created = index > 0 && index <= quotes.size() ? service.createFromQuote(quotes.get(index - 1).getId())
                    : service.createFromOpportunity(deal.id());
        } catch (RuntimeException e) {
            setErrorMessage(Jobs.message(e));
            return;
        }
        super.okPressed();
    }

    /** The draft made, once OK was pressed. */
    public Contract created() {
        return created;
    }
}
