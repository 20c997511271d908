package org.salesbench.quotes.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.salesbench.core.io.AtomicFiles;
import org.salesbench.documents.DocumentException;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.quotes.ProductService;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteDocuments;
import org.salesbench.quotes.QuoteService;
import org.salesbench.quotes.QuoteSort;
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.EntityFormEditor;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.forms.Formats;

/**
 * The opportunity editor's Quotes page (contributed through {@code org.salesbench.opportunities.ui.editorPages}),
 * the opportunity's quotes, newest version first: create one with its lines, take the selected one
 * through its life (submit for approval, approve or refuse when the user may, mark sent, accepted or
 * rejected), make a new version of it, export it as PDF. Buttons follow the selected quote's status. The quotes are a
 * grid read whole ({@link VirtualGrid}): a click on a column header sorts them in the database ({@link QuoteSort}; the
 * number of lines does not sort), the header menu hides, shows and chooses columns, headers drag, the layout is kept per
 * user, and the selected cells copy (Ctrl+C). A double-click exports the quote.
 */
public class QuotesPage extends FormPage implements EntityFormEditor.ValidatingPage<Opportunity>, org.salesbench.ui.forms.RecordSelection {

    public static final String ID = "org.salesbench.quotes.ui.editor.quotes";

    /** The opportunity the page was made for, until the editor reloads another copy of it. */
    private Opportunity opportunity;
    /** The layout every deal's Quotes page keeps for the user. */
    static final String GRID_ID = ID;

    private VirtualGrid<Quote> grid;
    private Label status;
    private Button submit;
    private Button approve;
    private Button refuse;
    private Button sent;
    private Button accepted;
    private Button rejected;
    private Button newVersion;
    private Button export;
    private Button open;
    /** The selected quote's id, kept across reloads. */
    private Long selectedId;
    /** What the last step did, shown once the list is read again instead of the count. */
    private String note;
    /** Whether the current user may decide the selected quote's approval (asked in the reload job). */
    private final Map<Long, Boolean> mayDecide = new java.util.HashMap<>();
    private Consumer<String> errorReporter = this::showError;

    public QuotesPage(FormEditor editor, String id, String label, Opportunity opportunity) {
        super(editor, id, label);
        this.opportunity = opportunity;
    }

    /** The opportunity as the editor holds it now (a reload replaces it). */
    private Opportunity opportunity() {
        return getEditor() instanceof EntityFormEditor<?> entityEditor && entityEditor.entity() instanceof Opportunity current
                ? current : opportunity;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        FormToolkit toolkit = managedForm.getToolkit();
        managedForm.getForm().setText(getTitle());
        toolkit.decorateFormHeading(managedForm.getForm().getForm());
        Composite body = managedForm.getForm().getBody();
        body.setLayout(new GridLayout(1, false));
        status = toolkit.createLabel(body, "");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Composite buttons = toolkit.createComposite(body);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        org.eclipse.swt.layout.RowLayout row = new org.eclipse.swt.layout.RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        row.marginLeft = 0;
        buttons.setLayout(row);
        Button create = toolkit.createButton(buttons, Messages.Quotes_new, SWT.PUSH);
        create.addListener(SWT.Selection, e -> newQuote());
        newVersion = button(toolkit, buttons, Messages.Quotes_newVersion, q -> newVersion(q.getId()));
        submit = button(toolkit, buttons, Messages.Quotes_submit, q -> submit(q.getId()));
        approve = button(toolkit, buttons, Messages.Quotes_approve, q -> decide(q.getId(), true, null));
        refuse = button(toolkit, buttons, Messages.Quotes_refuse, q -> {
            String comment = ask(Messages.Quotes_refuse, NLS.bind(Messages.Quotes_refuseWhy, q.getVersionNumber()));
            if (comment != null) {
                decide(q.getId(), false, comment);
            }
        });
        sent = button(toolkit, buttons, Messages.Quotes_markSent, q -> markSent(q.getId()));
        accepted = button(toolkit, buttons, Messages.Quotes_markAccepted, q -> markAccepted(q.getId()));
        rejected = button(toolkit, buttons, Messages.Quotes_markRejected, q -> {
            String reason = ask(Messages.Quotes_markRejected, NLS.bind(Messages.Quotes_rejectedWhy, q.getVersionNumber()));
            if (reason != null) {
                markRejected(q.getId(), reason);
            }
        });
        open = button(toolkit, buttons, Messages.Quotes_open, q -> openQuote(q).open());
        export = toolkit.createButton(buttons, Messages.Quotes_exportPdf, SWT.PUSH);
        export.addListener(SWT.Selection, e -> exportSelected());
        grid = VirtualGrid.readWhole(body, GRID_ID, List.of(
                VirtualGrid.Column.<Quote>of("version", Messages.Quotes_version, 60, q -> String.valueOf(q.getVersionNumber())).right()
                        .sortBy(QuoteSort.Column.VERSION),
                VirtualGrid.Column.<Quote>of("status", Messages.Quotes_status, 90, q -> Labels.of(q.getStatus())).sortBy(QuoteSort.Column.STATUS),
                VirtualGrid.Column.<Quote>of("lines", Messages.Quotes_lines, 50, q -> String.valueOf(q.getLines().size())).right(),
                VirtualGrid.Column.<Quote>of("net", Messages.Quotes_net, 110, q -> Labels.moneyExact(q.getNetTotal())).right()
                        .sortBy(QuoteSort.Column.NET),
                VirtualGrid.Column.<Quote>of("total", Messages.Quotes_total, 110, q -> Labels.moneyExact(q.getGrandTotal())).right()
                        .sortBy(QuoteSort.Column.TOTAL),
                VirtualGrid.Column.<Quote>of("validUntil", Messages.Quotes_validUntil, 100, q -> Formats.date(q.getValidUntil()))
                        .sortBy(QuoteSort.Column.VALID_UNTIL)),
                Messages.Job_loadQuotes, Jobs.FAMILY, Messages.CustomerQuotes_loading);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        grid.restoreLayout();
        grid.rows().onFailure(e -> status.setText(Jobs.message(e)));
        grid.onSelection(() -> {
            Quote quote = selected();
            selectedId = quote == null ? null : quote.getId();
            updateButtons();
        });
        grid.onSort(() -> reload(opportunity()));
        grid.onOpen(quote -> exportSelected());
        updateButtons();
        reload(opportunity());
    }

    private Button button(FormToolkit toolkit, Composite parent, String text, Consumer<Quote> action) {
        Button button = toolkit.createButton(parent, text, SWT.PUSH);
        button.addListener(SWT.Selection, e -> {
            Quote quote = selected();
            if (quote != null) {
                action.accept(quote);
            }
        });
        return button;
    }

    private Quote selected() {
        return grid == null || grid.control().isDisposed() ? null : grid.selectedRow();
    }

    /** The order the grid's headers chose, or the page's own (the latest version first). */
    private QuoteSort sort() {
        return grid.sortKey() instanceof QuoteSort.Column column ? new QuoteSort(column, grid.ascending()) : QuoteSort.LATEST_VERSION_FIRST;
    }

    /** Each step is offered only where the selected quote's status allows it (and approval only to who may decide). */
    private void updateButtons() {
        Quote quote = selected();
        QuoteStatus current = quote == null ? null : quote.getStatus();
        submit.setEnabled(current == QuoteStatus.DRAFT);
        boolean decidable = current == QuoteStatus.IN_APPROVAL && Boolean.TRUE.equals(mayDecide.get(quote.getId()));
        approve.setEnabled(decidable);
        refuse.setEnabled(decidable);
        sent.setEnabled(current == QuoteStatus.APPROVED);
        accepted.setEnabled(current == QuoteStatus.SENT);
        rejected.setEnabled(current == QuoteStatus.SENT);
        newVersion.setEnabled(quote != null);
        export.setEnabled(quote != null);
        open.setEnabled(quote != null);
    }

    private String ask(String title, String question) {
        InputDialog dialog = new InputDialog(getSite().getShell(), title, question, "",
                v -> v.isBlank() ? NLS.bind(Messages.Field_required, Messages.Quotes_reason) : null);
        return dialog.open() == Window.OK ? dialog.getValue().strip() : null;
    }

    @Override
    public void showErrors(Map<String, String> errors) {
        // quotes are validated in their dialog
    }

    @Override
    public void reload(Opportunity reloaded) {
        opportunity = reloaded;
        if (grid == null || grid.control().isDisposed()) {
            return;
        }
        long id = reloaded.getId();
        QuoteSort sort = sort();
        Map<Long, Boolean> decide = new java.util.concurrent.ConcurrentHashMap<>();
        Long keep = selectedId; // showing the quotes again clears the selection (and tells the listener so)
        grid.load(() -> {
            QuoteService service = Services.get(QuoteService.class);
            List<Quote> quotes = service.listForOpportunity(id, sort);
            quotes.stream().filter(q -> q.getStatus() == QuoteStatus.IN_APPROVAL).forEach(q -> decide.put(q.getId(), service.mayDecideApproval(q)));
            return quotes;
        }, quotes -> {
            mayDecide.clear();
            mayDecide.putAll(decide);
            selectedId = keep;
            if (keep != null) {
                grid.selectWhere(q -> q.getId().equals(keep));
            }
            status.setText(note != null ? note : NLS.bind(Messages.Quotes_count, quotes.size()));
            note = null;
            updateButtons();
        });
    }

    /** Selects the quote with this id among those shown (tests and the steps below keep the selection). */
    public void select(long quoteId) {
        selectedId = quoteId;
        grid.selectWhere(q -> q.getId() == quoteId);
        updateButtons();
    }

    /** Submits the draft for approval: the approval seam approves it at once or leaves it waiting for a decision. */
    public Job submit(long quoteId) {
        return step(Messages.Quotes_submit, () -> Services.get(QuoteService.class).submitForApproval(quoteId));
    }

    /**
     * Approves the quote's discount, or refuses it back to draft with a comment, through the approval seam: with an
     * approval engine this decides the current step only, and the quote stays in approval until its last step.
     */
    public Job decide(long quoteId, boolean approved, String comment) {
        return step(approved ? Messages.Quotes_approve : Messages.Quotes_refuse,
                () -> Services.get(QuoteService.class).decideApproval(quoteId, approved, comment));
    }

    public Job markSent(long quoteId) {
        return step(Messages.Quotes_markSent, () -> Services.get(QuoteService.class).markSent(quoteId));
    }

    public Job markAccepted(long quoteId) {
        return step(Messages.Quotes_markAccepted, () -> Services.get(QuoteService.class).markAccepted(quoteId));
    }

    public Job markRejected(long quoteId, String reason) {
        return step(Messages.Quotes_markRejected, () -> Services.get(QuoteService.class).markRejected(quoteId, reason));
    }

    /** A new draft copying the quote's lines; it becomes the selected quote. */
    public Job newVersion(long quoteId) {
        return step(Messages.Quotes_newVersion, () -> Services.get(QuoteService.class).newVersion(quoteId));
    }

    /** Runs one step of a quote's life in a job, then shows where the quote now is; a refusal is explained. */
    private Job step(String name, java.util.function.Supplier<Quote> work) {
        return Jobs.load(grid.control(), name, work::get, quote -> {
            selectedId = quote.getId();
            note = NLS.bind(Messages.Quotes_nowStatus, quote.getVersionNumber(), Labels.of(quote.getStatus()));
            reload(opportunity());
        }, e -> errorReporter.accept(e.getMessage()));
    }

    /** Opens the quote dialog; the quote is saved as a draft when the dialog is confirmed. */
    public void newQuote() {
        QuoteDialog dialog = new QuoteDialog(getSite().getShell(), Services.get(QuoteService.class),
                Services.get(ProductService.class).list(true), opportunity());
        if (dialog.open() == Window.OK) {
            reload(opportunity());
        }
    }

    /** The dialog showing a saved quote version with its history, not yet opened (tests open it without blocking). */
    QuoteDialog openQuote(Quote quote) {
        return new QuoteDialog(getSite().getShell(), Services.get(QuoteService.class), quote);
    }

    private void exportSelected() {
        if (!(selected() instanceof Quote quote)) {
            errorReporter.accept(Messages.Quotes_selectFirst);
            return;
        }
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] {"*.pdf"});
        dialog.setFileName(NLS.bind(Messages.Quotes_fileName, opportunity().getName(), quote.getVersionNumber()) + ".pdf");
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file != null) {
            exportPdf(quote.getId(), Path.of(file));
        }
    }

    /** Renders the quote's PDF in a job and writes it to {@code target}. */
    public Job exportPdf(long quoteId, Path target) {
        return Jobs.load(grid.control(), Messages.Job_exportPdf, () -> {
            try {
                byte[] pdf = Services.get(QuoteDocuments.class).renderPdf(quoteId);
                AtomicFiles.write(target, out -> out.write(pdf));
                return target;
            } catch (IOException | DocumentException e) {
                throw new IllegalStateException(NLS.bind(Messages.Quotes_cannotWrite, target, e.getMessage()), e);
            }
        }, path -> status.setText(NLS.bind(Messages.Quotes_exported, path)), e -> errorReporter.accept(e.getMessage()));
    }

    private void showError(String message) {
        MessageDialog.openError(getSite().getShell(), getTitle(), message);
    }

    public void setErrorReporter(Consumer<String> reporter) {
        this.errorReporter = reporter;
    }

    /** The step buttons by name, for tests. */
    Map<String, Button> buttons() {
        return Map.of("submit", submit, "approve", approve, "refuse", refuse, "sent", sent, "accepted", accepted, "rejected", rejected,
                "newVersion", newVersion, "export", export, "open", open);
    }

    /** The quotes shown, in the order shown, for tests. */
    public List<Quote> shownQuotes() {
        return grid == null ? List.of() : grid.rows().loaded();
    }

    /** The grid, for tests. */
    VirtualGrid<Quote> grid() {
        return grid;
    }

    /** Edit › Show History on the selected quote. */
    @Override
    public java.util.Optional<org.salesbench.ui.forms.SelectedRecord> selectedRecord() {
        return java.util.Optional.ofNullable(selected()).map(QuotesPage::record);
    }

    /** A quote as the commands about any record name it: its deal and version. */
    static org.salesbench.ui.forms.SelectedRecord record(Quote quote) {
        return new org.salesbench.ui.forms.SelectedRecord(Quote.ENTITY, quote.getId(),
                quote.getOpportunity().getName() + " #" + quote.getVersionNumber());
    }
}
