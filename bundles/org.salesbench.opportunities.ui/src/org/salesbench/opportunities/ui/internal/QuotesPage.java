package org.salesbench.opportunities.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.TableViewer;
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
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.salesbench.documents.DocumentException;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.quotes.ProductService;
import org.salesbench.opportunities.quotes.Quote;
import org.salesbench.opportunities.quotes.QuoteDocuments;
import org.salesbench.opportunities.quotes.QuoteService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.EntityFormEditor;
import org.salesbench.ui.forms.Tables;
import org.salesbench.ui.forms.Formats;

/** The opportunity's quotes, newest version first: create one with its lines, export one as PDF. */
public class QuotesPage extends FormPage implements EntityFormEditor.ValidatingPage<Opportunity> {

    public static final String ID = "org.salesbench.opportunities.ui.editor.quotes";

    private final OpportunityEditor editor;
    private TableViewer viewer;
    private Label status;
    private Consumer<String> errorReporter = this::showError;

    public QuotesPage(OpportunityEditor editor) {
        super(editor, ID, Messages.Editor_quotes);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        FormToolkit toolkit = managedForm.getToolkit();
        managedForm.getForm().setText(Messages.Editor_quotes);
        toolkit.decorateFormHeading(managedForm.getForm().getForm());
        Composite body = managedForm.getForm().getBody();
        body.setLayout(new GridLayout(3, false));
        status = toolkit.createLabel(body, "");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button create = toolkit.createButton(body, Messages.Quotes_new, SWT.PUSH);
        create.addListener(SWT.Selection, e -> newQuote());
        Button export = toolkit.createButton(body, Messages.Quotes_exportPdf, SWT.PUSH);
        export.addListener(SWT.Selection, e -> exportSelected());
        viewer = Tables.create(body);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        Tables.column(viewer, Quote.class, Messages.Quotes_version, 60, q -> String.valueOf(q.getVersionNumber()));
        Tables.column(viewer, Quote.class, Messages.Quotes_status, 90, q -> Labels.of(q.getStatus()));
        Tables.column(viewer, Quote.class, Messages.Quotes_lines, 50, q -> String.valueOf(q.getLines().size()));
        Tables.column(viewer, Quote.class, Messages.Quotes_net, 110, q -> Labels.moneyExact(q.getNetTotal()));
        Tables.column(viewer, Quote.class, Messages.Quotes_total, 110, q -> Labels.moneyExact(q.getGrandTotal()));
        Tables.column(viewer, Quote.class, Messages.Quotes_validUntil, 100, q -> Formats.date(q.getValidUntil()));
        viewer.addDoubleClickListener(e -> exportSelected());
        reload(editor.opportunity());
    }

    @Override
    public void showErrors(Map<String, String> errors) {
        // quotes are validated in their dialog
    }

    @Override
    public void reload(Opportunity opportunity) {
        if (viewer == null) {
            return;
        }
        long id = opportunity.getId();
        Jobs.load(viewer.getTable(), Messages.Job_loadQuotes, () -> Services.get(QuoteService.class).listForOpportunity(id), quotes -> {
            viewer.setInput(quotes);
            status.setText(NLS.bind(Messages.Quotes_count, quotes.size()));
        }, e -> status.setText(e.getMessage()));
    }

    /** Opens the quote dialog; the quote is saved as a draft when the dialog is confirmed. */
    public void newQuote() {
        QuoteDialog dialog = new QuoteDialog(getSite().getShell(), Services.get(QuoteService.class),
                Services.get(ProductService.class).list(true), editor.opportunity());
        if (dialog.open() == Window.OK) {
            reload(editor.opportunity());
        }
    }

    private void exportSelected() {
        if (!(viewer.getStructuredSelection().getFirstElement() instanceof Quote quote)) {
            errorReporter.accept(Messages.Quotes_selectFirst);
            return;
        }
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] {"*.pdf"});
        dialog.setFileName(NLS.bind(Messages.Quotes_fileName, editor.opportunity().getName(), quote.getVersionNumber()) + ".pdf");
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file != null) {
            exportPdf(quote.getId(), Path.of(file));
        }
    }

    /** Renders the quote's PDF in a job and writes it to {@code target}. */
    public Job exportPdf(long quoteId, Path target) {
        return Jobs.load(viewer.getTable(), Messages.Job_exportPdf, () -> {
            try {
                Files.write(target, Services.get(QuoteDocuments.class).renderPdf(quoteId));
                return target;
            } catch (IOException | DocumentException e) {
                throw new IllegalStateException(NLS.bind(Messages.Quotes_cannotWrite, target, e.getMessage()), e);
            }
        }, path -> status.setText(NLS.bind(Messages.Quotes_exported, path)), e -> errorReporter.accept(e.getMessage()));
    }

    private void showError(String message) {
        MessageDialog.openError(getSite().getShell(), Messages.Editor_quotes, message);
    }

    public void setErrorReporter(Consumer<String> reporter) {
        this.errorReporter = reporter;
    }

    /** The quotes shown, for tests. */
    @SuppressWarnings("unchecked")
    public List<Quote> shownQuotes() {
        return viewer.getInput() == null ? List.of() : (List<Quote>) viewer.getInput();
    }
}
