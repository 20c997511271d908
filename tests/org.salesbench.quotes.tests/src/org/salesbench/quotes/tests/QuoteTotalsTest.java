package org.salesbench.quotes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.QuoteLine;
import org.salesbench.quotes.QuoteTotals;
import org.salesbench.quotes.QuoteTotals.LineAmounts;

/** Quote arithmetic: half-up to the cent on every line, then summed. */
class QuoteTotalsTest {

    private static final Product ANY = new Product("P", "P", "pc", Money.cny("1"), new BigDecimal("13"));

    private static QuoteLine line(String qty, String price, String discount, String tax) {
        return new QuoteLine(ANY, new BigDecimal(qty), new BigDecimal(price), new BigDecimal(discount), new BigDecimal(tax));
    }

    @Test
    void aLineIsRoundedHalfUpToTheCentAtEachStep() {
        // 3 × 33.335 = 100.005 → 100.01; 10 % discount 10.001 → 10.00; net 90.01; 13 % tax 11.7013 → 11.70
        LineAmounts a = QuoteTotals.line("CNY", new BigDecimal("3"), new BigDecimal("33.335"), new BigDecimal("10"), new BigDecimal("13"));
        assertEquals(Money.cny("100.01"), a.gross());
        assertEquals(Money.cny("10.00"), a.discount());
        assertEquals(Money.cny("90.01"), a.net());
        assertEquals(Money.cny("11.70"), a.tax());
        assertEquals(Money.cny("101.71"), a.total());
    }

    @Test
    void totalsAreTheSumsOfTheRoundedLinesNotARoundedSum() {
        // each line's tax is 0.005 → 0.01; rounding the summed tax (0.015) would give 0.02
        QuoteTotals totals = QuoteTotals.of("CNY", List.of(line("1", "0.05", "0", "10"), line("1", "0.05", "0", "10"),
                line("1", "0.05", "0", "10")));
        assertEquals(Money.cny("0.03"), totals.tax());
        assertEquals(Money.cny("0.15"), totals.net());
        assertEquals(Money.cny("0.18"), totals.total());
        assertEquals(totals.lines().stream().map(LineAmounts::total).reduce(Money.zero("CNY"), Money::plus), totals.total());
    }

    @Test
    void mixedTaxRatesAndDiscountsAddUp() {
        QuoteTotals totals = QuoteTotals.of("CNY", List.of(
                line("10", "1200", "0", "13"),      // 12000.00, tax 1560.00
                line("2", "4999.99", "15", "6"),    // 9999.98, discount 1500.00 (1499.997), net 8499.98, tax 509.9988 → 510.00
                line("1.5", "800", "100", "13")));  // 1200.00 given away entirely: net 0, tax 0
        assertEquals(Money.cny("23199.98"), totals.subtotal());
        assertEquals(Money.cny("2700.00"), totals.discount());
        assertEquals(Money.cny("20499.98"), totals.net());
        assertEquals(Money.cny("2070.00"), totals.tax());
        assertEquals(Money.cny("22569.98"), totals.total());
    }

    @Test
    void aCurrencyWithoutMinorUnitsRoundsToWholeUnits() {
        LineAmounts a = QuoteTotals.line("JPY", new BigDecimal("3"), new BigDecimal("333.5"), BigDecimal.ZERO, new BigDecimal("10"));
        assertEquals(Money.of("1001", "JPY"), a.gross()); // 1000.5 → 1001
        assertEquals(Money.of("100", "JPY"), a.tax());    // 100.1 → 100
    }

    @Test
    void aQuoteWithoutLinesTotalsZero() {
        assertEquals(Money.cny("0"), QuoteTotals.of("CNY", List.of()).total());
        assertEquals(BigDecimal.ZERO, QuoteTotals.maxDiscountPercent(List.of()));
    }
}
