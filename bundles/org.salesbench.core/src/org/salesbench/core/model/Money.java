package org.salesbench.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.salesbench.core.validation.Decimals;

/**
 * An amount of money in one ISO 4217 currency. Amounts are {@link BigDecimal}s scaled to the
 * currency's minor unit with half-up rounding; there is no floating point anywhere near money.
 */
@Embeddable
public final class Money implements Comparable<Money> {

    public static final String DEFAULT_CURRENCY = "CNY";

    @Column(name = "AMOUNT", precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(name = "CURRENCY", length = 3)
    private String currency;

    protected Money() {
        // for JPA
    }

    /** Far beyond any total of amounts; bounds the work {@code setScale} does (1e300000000 would expand to 125 MB). */
    private static final int MAX_INTEGER_DIGITS = 100;

    private Money(BigDecimal amount, Currency currency) {
        this.currency = currency.getCurrencyCode();
        int fractionDigits = Math.max(currency.getDefaultFractionDigits(), 0);
        long integerDigits = Decimals.integerDigits(amount);
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new Decimals.OutOfRange(amount.toString());
        }
        // far below the minor unit the amount rounds to zero; setScale would first build 10^scale
        this.amount = (integerDigits < -fractionDigits - 1 ? BigDecimal.ZERO : amount).setScale(fractionDigits, RoundingMode.HALF_UP);
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        Objects.requireNonNull(amount, "amount");
        return new Money(amount, Currency.getInstance(currencyCode));
    }

    public static Money of(String amount, String currencyCode) {
        return of(Decimals.parse(amount), currencyCode);
    }

    public static Money cny(String amount) {
        return of(amount, DEFAULT_CURRENCY);
    }

    public static Money zero(String currencyCode) {
        return of(BigDecimal.ZERO, currencyCode);
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return of(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return of(amount.subtract(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return of(amount.multiply(factor), currency);
    }

    /** {@code percent} of this amount, e.g. 13 for a 13 % tax. */
    public Money percent(BigDecimal percent) {
        return of(amount.multiply(percent).divide(BigDecimal.valueOf(100)), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && currency.equals(m.currency) && amount.compareTo(m.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(currency, amount.stripTrailingZeros());
    }

    @Override
    public String toString() {
        return currency + " " + amount.toPlainString();
    }
}
