package org.salesbench.quotes.ui.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.core.validation.Decimals;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteLine;
import org.salesbench.quotes.QuoteService;
import org.salesbench.quotes.QuoteTotals;
import org.salesbench.ui.forms.RecordTabs;
import org.salesbench.ui.forms.Tables;

/**
 * A new quote: lines of catalogue products with quantity and discount (price and tax from the
 * catalogue), the validity date, and the totals the quote service computes. OK saves a draft;
 * the service's refusals (a discount over 100 %, no lines …) stay in the dialog with their field. The same dialog shows a
 * saved quote version read only (a version is changed by making a new one); after its own tab it has the tabs every
 * record dialog gets ({@link RecordTabs}: the History).
 */
public class QuoteDialog extends TitleAreaDialog {

    private final QuoteService service;
    private final List<Product> products;
    private final Quote quote;
    private Combo productCombo;
    private Text quantityText;
    private Text discountText;
    private TableViewer linesViewer;
    private DateTime validUntil;
    private Label totals;
    private Quote saved;
    /** Whether the dialog shows a saved quote rather than making one. */
    private final boolean showing;
    private TabFolder tabs;

    public QuoteDialog(Shell shell, QuoteService service, List<Product> products, Opportunity opportunity) {
        super(shell);
        this.service = service;
        this.products = products;
        this.quote = new Quote(opportunity, LocalDate.now(Clocks.system()).plusDays(30));
        this.showing = false;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** Shows the saved {@code quote} version, read only, with its history. */
    public QuoteDialog(Shell shell, QuoteService service, Quote quote) {
        super(shell);
        this.service = service;
        this.products = List.of();
        this.quote = quote;
        this.showing = true;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(showing ? Messages.QuoteDialog_shownTitle : Messages.Quotes_new);
    }

    /** Wide enough for the History tab's columns, whatever the record's own tab needs. */
    @Override
    protected org.eclipse.swt.graphics.Point getInitialSize() {
        org.eclipse.swt.graphics.Point preferred = super.getInitialSize();
        return new org.eclipse.swt.graphics.Point(Math.max(preferred.x, 960), Math.max(preferred.y, 540));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        if (showing) {
            setTitle(NLS.bind(Messages.QuoteDialog_shownHeading, new Object[] {quote.getOpportunity().getName(), quote.getVersionNumber(),
                    Labels.of(quote.getStatus())}));
            setMessage(Messages.QuoteDialog_shownMessage);
        } else {
            setTitle(NLS.bind(Messages.QuoteDialog_title, quote.getOpportunity().getName()));
            setMessage(Messages.QuoteDialog_message);
        }
        tabs = new TabFolder(area, SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite body = new Composite(tabs, SWT.NONE);
        body.setLayout(new GridLayout(7, false));
        TabItem details = new TabItem(tabs, SWT.NONE);
        details.setText(Messages.QuoteDialog_detailsTab);
        details.setControl(body);
        new Label(body, SWT.NONE).setText(Messages.QuoteDialog_product);
        productCombo = new Combo(body, SWT.READ_ONLY);
        products.forEach(p -> productCombo.add(p.getCode() + "  " + p.getName() + "  " + Labels.moneyExact(p.getListPrice())));
        productCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(body, SWT.NONE).setText(Messages.QuoteDialog_quantity);
        quantityText = new Text(body, SWT.BORDER | SWT.RIGHT);
        quantityText.setText("1");
        quantityText.setLayoutData(new GridData(50, SWT.DEFAULT));
        new Label(body, SWT.NONE).setText(Messages.QuoteDialog_discount);
        discountText = new Text(body, SWT.BORDER | SWT.RIGHT);
        discountText.setText("0");
        discountText.setLayoutData(new GridData(40, SWT.DEFAULT));
        Button add = new Button(body, SWT.PUSH);
        add.setText(Messages.QuoteDialog_addLine);
        add.addListener(SWT.Selection, e -> addLine(productCombo.getSelectionIndex(), quantityText.getText(), discountText.getText()));

        linesViewer = Tables.create(body);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 7, 1);
        tableData.heightHint = 140;
        linesViewer.getTable().setLayoutData(tableData);
        Tables.column(linesViewer, QuoteLine.class, Messages.QuoteDialog_product, 200,
                l -> l.getProduct() == null ? "" : l.getProduct().getName());
        Tables.column(linesViewer, QuoteLine.class, Messages.QuoteDialog_quantity, 80, l -> l.getQuantity().stripTrailingZeros().toPlainString());
        Tables.column(linesViewer, QuoteLine.class, Messages.QuoteDialog_unitPrice, 110, l -> l.getUnitPrice().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        Tables.column(linesViewer, QuoteLine.class, Messages.QuoteDialog_discount, 90, l -> l.getDiscountPercent().stripTrailingZeros().toPlainString());
        Tables.column(linesViewer, QuoteLine.class, Messages.QuoteDialog_tax, 60, l -> l.getTaxRate().stripTrailingZeros().toPlainString());
        linesViewer.setInput(quote.getLines());

        Composite bottom = new Composite(body, SWT.NONE);
        bottom.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 7, 1));
        bottom.setLayout(new GridLayout(3, false));
        new Label(bottom, SWT.NONE).setText(Messages.Quotes_validUntil);
        validUntil = new DateTime(bottom, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        LocalDate d = quote.getValidUntil();
        validUntil.setDate(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth());
        validUntil.addListener(SWT.Selection,
                e -> quote.setValidUntil(LocalDate.of(validUntil.getYear(), validUntil.getMonth() + 1, validUntil.getDay())));
        totals = new Label(bottom, SWT.RIGHT);
        totals.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        updateTotals();
        if (showing) {
            for (Control c : new Control[] {productCombo, quantityText, discountText, add, validUntil}) {
                c.setEnabled(false);
            }
        }
        RecordTabs.add(tabs, Quote.ENTITY, () -> showing && quote.getId() != null ? quote.getId() : 0);
        return area;
    }

    /** The dialog's tabs: the quote's own, then the contributed ones (tests). */
    TabFolder tabs() {
        return tabs;
    }

    /** Adds a line of the product at {@code productIndex}; refused input is shown and nothing is added. */
    void addLine(int productIndex, String quantity, String discount) {
        if (productIndex < 0) {
            setErrorMessage(NLS.bind(Messages.Field_required, Messages.QuoteDialog_product));
            return;
        }
        BigDecimal q;
        BigDecimal pct;
        try {
            q = Decimals.parseAmount(quantity);
        } catch (NumberFormatException e) {
            setErrorMessage(NLS.bind(Messages.Field_notANumber, Messages.QuoteDialog_quantity, quantity));
            return;
        }
        try {
            pct = Decimals.parse(discount.strip().isEmpty() ? "0" : discount);
        } catch (NumberFormatException e) {
            setErrorMessage(NLS.bind(Messages.Field_notANumber, Messages.QuoteDialog_discount, discount));
            return;
        }
        Product product = products.get(productIndex);
        quote.addLine(new QuoteLine(product, q, product.getListPrice().getAmount(), pct, product.getTaxRate()));
        linesViewer.refresh();
        updateTotals();
    }

    private void updateTotals() {
        try {
            if (!showing) {
                service.validate(quote);
            }
            QuoteTotals t = service.totals(quote);
            totals.setText(NLS.bind(Messages.QuoteDialog_totals, new Object[] {Labels.moneyExact(t.net()), Labels.moneyExact(t.tax()),
                    Labels.moneyExact(t.total())}));
            setErrorMessage(null);
        } catch (ValidationException e) {
            totals.setText("");
            setErrorMessage(e.getMessage());
        }
        totals.getParent().layout();
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(!quote.getLines().isEmpty() && getErrorMessage() == null);
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        if (showing) {
            createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CLOSE_LABEL, true);
            return;
        }
        super.createButtonsForButtonBar(parent);
        updateTotals();
    }

    @Override
    protected void okPressed() {
        try {
            saved = service.createDraft(quote);
            super.okPressed();
        } catch (ValidationException e) {
            setErrorMessage(e.getMessage());
        }
    }

    /** The saved draft, after OK. */
    public Quote saved() {
        return saved;
    }
}
