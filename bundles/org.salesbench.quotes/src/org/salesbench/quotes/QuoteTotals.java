package org.salesbench.quotes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.salesbench.core.model.Money;

/**
 * The amounts of a quote. Each line is rounded to the cent (half-up, through {@link Money}) step by step —
 * gross = quantity × unit price, discount = gross × discount %, net = gross − discount, tax = net × tax rate —
 * and the quote's totals are the sums of the rounded line amounts, so the printed lines always add up to the
 * printed totals.
 */
public record QuoteTotals(List<LineAmounts> lines, Money subtotal, Money discount, Money net, Money tax, Money total) {

    /** The amounts of one line. */
    public record LineAmounts(Money gross, Money discount, Money net, Money tax, Money total) {
    }

    public QuoteTotals {
        lines = List.copyOf(lines);
    }

    public static QuoteTotals of(Quote quote) {
        return of(quote.getCurrency(), quote.getLines());
    }

    /** Missing numbers count as zero here; validation is what refuses them. */
    public static QuoteTotals of(String currency, List<QuoteLine> quoteLines) {
        List<LineAmounts> amounts = new ArrayList<>(quoteLines.size());
        Money subtotal = Money.zero(currency);
        Money discount = subtotal;
        Money net = subtotal;
        Money tax = subtotal;
        Money total = subtotal;
        for (QuoteLine line : quoteLines) {
            LineAmounts a = line(currency, line.getQuantity(), line.getUnitPrice(), line.getDiscountPercent(), line.getTaxRate());
            amounts.add(a);
            subtotal = subtotal.plus(a.gross());
            discount = discount.plus(a.discount());
            net = net.plus(a.net());
            tax = tax.plus(a.tax());
            total = total.plus(a.total());
        }
        return new QuoteTotals(amounts, subtotal, discount, net, tax, total);
    }

    public static LineAmounts line(String currency, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
            BigDecimal taxRate) {
        Money gross = Money.of(orZero(quantity).multiply(orZero(unitPrice)), currency);
        Money discount = gross.percent(orZero(discountPercent));
        Money net = gross.minus(discount);
        Money tax = net.percent(orZero(taxRate));
        return new LineAmounts(gross, discount, net, tax, net.plus(tax));
    }

    /** The largest discount of any line, in percent (zero for a quote without lines). */
    public static BigDecimal maxDiscountPercent(List<QuoteLine> lines) {
        return lines.stream().map(QuoteLine::getDiscountPercent).map(QuoteTotals::orZero).reduce(BigDecimal.ZERO, BigDecimal::max);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
