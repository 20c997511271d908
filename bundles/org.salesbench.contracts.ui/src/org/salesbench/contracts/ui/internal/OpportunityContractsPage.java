package org.salesbench.contracts.ui.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.editor.IFormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.ui.OpportunityEditorPageFactory;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteService;
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.EntityFormEditor;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.TablePages;
import org.salesbench.ui.forms.Tables;

/**
 * The opportunity editor's Contracts page: "Create contract" from the deal once it is won, or from one of its accepted
 * (or approved) quotes; the contracts already made from the deal's customer below. The model refuses a deal not won.
 */
public class OpportunityContractsPage extends FormPage implements EntityFormEditor.ValidatingPage<Opportunity> {

    public static final String ID = "org.salesbench.contracts.ui.opportunityEditor.contracts";

    /** The page's factory ({@code org.salesbench.opportunities.ui.editorPages}). */
    public static class Factory implements OpportunityEditorPageFactory {
        @Override
        public IFormPage createPage(FormEditor editor, String id, String label, Opportunity opportunity) {
            return new OpportunityContractsPage(editor, id, label, opportunity);
        }
    }

    private Opportunity opportunity;
    private Label status;
    private Button fromDeal;
    private Combo quoteCombo;
    private Button fromQuote;
    private TableViewer viewer;
    private List<Quote> quotes = List.of();
    private Consumer<String> errorReporter = this::showError;

    public OpportunityContractsPage(FormEditor editor, String id, String label, Opportunity opportunity) {
        super(editor, id, label);
        this.opportunity = opportunity;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        FormToolkit toolkit = managedForm.getToolkit();
        Composite body = TablePages.body(managedForm, getTitle());
        status = TablePages.statusLine(managedForm, body);
        Composite buttons = toolkit.createComposite(body);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.center = true;
        row.marginLeft = 0;
        buttons.setLayout(row);
        fromDeal = toolkit.createButton(buttons, Messages.Create_fromDeal, SWT.PUSH);
        fromDeal.addListener(SWT.Selection, e -> createFromDeal());
        quoteCombo = new Combo(buttons, SWT.READ_ONLY);
        fromQuote = toolkit.createButton(buttons, Messages.Create_fromQuote, SWT.PUSH);
        fromQuote.addListener(SWT.Selection, e -> {
            int index = quoteCombo.getSelectionIndex();
            if (index >= 0 && index < quotes.size()) {
                createFromQuote(quotes.get(index).getId());
            }
        });
        viewer = TablePages.table(body);
        Tables.column(viewer, ContractRow.class, Messages.Field_number, 130, r -> r.contract().getNumber());
        Tables.column(viewer, ContractRow.class, Messages.Field_title, 200, r -> Formats.text(r.contract().getTitle()));
        Tables.column(viewer, ContractRow.class, Messages.Field_status, 80, r -> Labels.of(r.contract().getStatus()));
        Tables.column(viewer, ContractRow.class, Messages.Field_amount, 110, r -> Labels.money(r.contract().getAmount()));
        Tables.column(viewer, ContractRow.class, Messages.Field_collected, 110, ContractRow::collected);
        Tables.column(viewer, ContractRow.class, Messages.Field_open, 110, ContractRow::open);
        viewer.addDoubleClickListener(e -> {
            if (viewer.getStructuredSelection().getFirstElement() instanceof ContractRow r) {
                try {
                    ContractEditor.open(getSite().getPage(), r.contract().getId(), r.contract().getNumber());
                } catch (PartInitException ex) {
                    errorReporter.accept(ex.getMessage());
                }
            }
        });
        reload(opportunity);
    }

    private boolean won() {
        return opportunity.getStage() != null && opportunity.getStage().getKind() == StageKind.WON;
    }

    @Override
    public void reload(Opportunity reloaded) {
        opportunity = reloaded;
        if (viewer == null || viewer.getTable().isDisposed()) {
            return;
        }
        long id = reloaded.getId();
        long customer = reloaded.getCustomer().getId();
        record Loaded(List<Quote> quotes, List<ContractRow> contracts) {
        }
        Jobs.load(viewer.getTable(), Messages.Job_loadContracts, () -> new Loaded(
                Services.get(QuoteService.class).listForOpportunity(id).stream()
                        .filter(q -> q.getStatus() == QuoteStatus.ACCEPTED || q.getStatus() == QuoteStatus.APPROVED).toList(),
                ContractRow.read(ContractFilter.all().withCustomer(customer), 0, 200).stream()
                        .filter(r -> r.contract().getOpportunity() != null && r.contract().getOpportunity().getId() == id).toList()), loaded -> {
                            quotes = loaded.quotes();
                            quoteCombo.removeAll();
                            quotes.forEach(q -> quoteCombo.add(NLS.bind(Messages.NewContract_quote, q.getVersionNumber(),
                                    Labels.money(q.getGrandTotal()))));
                            if (!quotes.isEmpty()) {
                                quoteCombo.select(0);
                            }
                            fromDeal.setEnabled(won());
                            fromQuote.setEnabled(!quotes.isEmpty());
                            quoteCombo.setEnabled(!quotes.isEmpty());
                            viewer.setInput(loaded.contracts());
                            status.setText(won() || !quotes.isEmpty() ? NLS.bind(Messages.OpportunityContracts_count, loaded.contracts().size())
                                    : Messages.OpportunityContracts_notWon);
                            quoteCombo.getParent().layout(true, true);
                        }, e -> status.setText(Jobs.message(e)));
    }

    /** Makes a draft from the won deal and opens it. */
    public Job createFromDeal() {
        return ContractCommands.createFromOpportunity(viewer.getTable(), getSite().getPage(), opportunity.getId(), errorReporter);
    }

    public Job createFromQuote(long quoteId) {
        return ContractCommands.createFromQuote(viewer.getTable(), getSite().getPage(), quoteId, errorReporter);
    }

    @Override
    public void showErrors(Map<String, String> errors) {
        // the page edits nothing
    }

    private void showError(String message) {
        MessageDialog.openError(getSite().getShell(), getTitle(), message);
    }

    public void setErrorReporter(Consumer<String> reporter) {
        this.errorReporter = reporter;
    }

    Button fromDealButton() {
        return fromDeal;
    }

    @SuppressWarnings("unchecked")
    public List<ContractRow> shownRows() {
        return viewer == null || viewer.getInput() == null ? List.of() : (List<ContractRow>) viewer.getInput();
    }
}
