package org.salesbench.quotes.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.documents.Block.Column;
import org.salesbench.documents.Block.Entry;
import org.salesbench.documents.Document;
import org.salesbench.documents.DocumentException;
import org.salesbench.documents.DocumentRenderer;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteDocuments;
import org.salesbench.quotes.QuoteLine;
import org.salesbench.quotes.QuoteService;
import org.salesbench.quotes.QuoteTotals;
import org.salesbench.quotes.QuoteTotals.LineAmounts;

/**
 * The quote template: a header with the customer and the quote's dates, one table row a line, the totals, the
 * notes, and a footer naming the customer and the quote on every page. Texts follow the workbench language.
 */
@Component(service = QuoteDocuments.class)
public class QuoteDocumentsImpl implements QuoteDocuments {

    private final QuoteService quotes;
    private final DocumentRenderer renderer;

    @Activate
    public QuoteDocumentsImpl(@Reference QuoteService quotes, @Reference DocumentRenderer renderer) {
        this.quotes = quotes;
        this.renderer = renderer;
    }

    @Override
    public byte[] renderPdf(long quoteId) throws DocumentException {
        return renderer.renderPdf(document(quoteId));
    }

    @Override
    public Document document(long quoteId) {
        Quote quote = quotes.find(quoteId).orElseThrow(() -> new ValidationException(
                List.of(new FieldError("id", NLS.bind(Messages.Quote_notFound, quoteId), quoteId))));
        return document(quote);
    }

    /** The document of a loaded quote (lines, products and customer loaded, as {@link QuoteService#find} returns it). */
    public static Document document(Quote quote) {
        Customer account = quote.getOpportunity().getCustomer();
        String customer = account.getName();
        String reference = reference(quote);
        QuoteTotals totals = QuoteTotals.of(quote);
        LocalDate date = quote.getCreatedAt() == null ? LocalDate.now(Clocks.system())
                : LocalDate.ofInstant(quote.getCreatedAt(), ZoneId.systemDefault());

        List<List<String>> rows = new ArrayList<>();
        List<QuoteLine> lines = quote.getLines();
        for (int i = 0; i < lines.size(); i++) {
            QuoteLine line = lines.get(i);
            LineAmounts amounts = totals.lines().get(i);
            String product = line.getProduct().getCode() + "  "
                    + (line.getDescription() == null || line.getDescription().isBlank() ? line.getProduct().getName() : line.getDescription());
            rows.add(List.of(String.valueOf(i + 1), product,
                    number(line.getQuantity()) + " " + line.getProduct().getUnit(),
                    money(Money.of(line.getUnitPrice(), quote.getCurrency())),
                    percent(line.getDiscountPercent()), percent(line.getTaxRate()), money(amounts.net())));
        }

        Document.Builder doc = Document.builder(Messages.Document_title)
                .subtitle(NLS.bind(Messages.Document_reference, reference, quote.getVersionNumber()))
                .keyValues(null,
                        new Entry(Messages.Document_customer, customer),
                        new Entry(Messages.Document_opportunity, quote.getOpportunity().getName()),
                        new Entry(Messages.Document_date, date.toString()),
                        new Entry(Messages.Document_validUntil, quote.getValidUntil() == null ? "" : quote.getValidUntil().toString()),
                        new Entry(Messages.Document_status, Messages.status(quote.getStatus())),
                        new Entry(Messages.Document_preparedBy, quote.getOwner() == null ? "" : quote.getOwner()))
                .table(Messages.Document_lines,
                        List.of(Column.right(Messages.Document_colNumber, 0.5f), Column.left(Messages.Document_colProduct, 3.9f),
                                Column.right(Messages.Document_colQuantity, 1.3f), Column.right(Messages.Document_colUnitPrice, 1.5f),
                                Column.right(Messages.Document_colDiscount, 1.2f), Column.right(Messages.Document_colTax, 0.8f),
                                Column.right(Messages.Document_colAmount, 1.6f)),
                        rows);
        List<Entry> sums = new ArrayList<>();
        sums.add(new Entry(Messages.Document_subtotal, money(totals.subtotal())));
        if (totals.discount().getAmount().signum() != 0) {
            sums.add(new Entry(Messages.Document_discount, "-" + money(totals.discount())));
            sums.add(new Entry(Messages.Document_net, money(totals.net())));
        }
        sums.add(new Entry(Messages.Document_tax, money(totals.tax())));
        sums.add(new Entry(Messages.Document_total, money(totals.total())));
        doc.totals(sums.toArray(Entry[]::new));
        if (quote.getNotes() != null && !quote.getNotes().isBlank()) {
            doc.keyValues(null, new Entry(Messages.Document_notes, quote.getNotes()));
        }
        return doc.footer(NLS.bind(Messages.Document_footer, new Object[] { customer, reference, quote.getCurrency() })).build();
    }

    /** Q-<opportunity id>-<version>, short enough to quote on the phone. */
    static String reference(Quote quote) {
        return "Q-" + quote.getOpportunity().getId() + "-" + quote.getVersionNumber();
    }

    static String money(Money money) {
        Currency currency = Currency.getInstance(money.getCurrency());
        String symbol = "CNY".equals(money.getCurrency()) ? "¥" : money.getCurrency() + " ";
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return symbol + format.format(money.getAmount());
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal value) {
        return value == null || value.signum() == 0 ? "" : number(value) + "%";
    }
}
