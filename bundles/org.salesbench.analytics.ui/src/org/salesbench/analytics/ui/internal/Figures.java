package org.salesbench.analytics.ui.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;
import org.salesbench.analytics.Unit;
import org.salesbench.ui.forms.Formats;

/** Report values as users read them: money with its currency, percentages, days, counts, dates. */
public final class Figures {

    private Figures() {
    }

    public static String format(Object value, Unit unit, String currency) {
        if (value == null) {
            return ""; //$NON-NLS-1$
        }
        if (value instanceof LocalDate date) {
            return Formats.date(date);
        }
        if (value instanceof String s) {
            return s;
        }
        BigDecimal number = decimal(value);
        if (number == null) {
            return String.valueOf(value);
        }
        Locale locale = Locale.getDefault();
        return switch (unit == null ? Unit.TEXT : unit) {
            case MONEY -> money(number, currency, locale);
            case PERCENT -> NLS.bind(Messages.Figure_percent, number.setScale(1, RoundingMode.HALF_UP).toPlainString());
            case DAYS -> NLS.bind(Messages.Figure_days, number.setScale(number.abs().compareTo(BigDecimal.TEN) < 0 ? 1 : 0,
                    RoundingMode.HALF_UP).toPlainString());
            case COUNT -> NumberFormat.getIntegerInstance(locale).format(number);
            default -> NumberFormat.getNumberInstance(locale).format(number);
        };
    }

    /** A compact money figure for a KPI: 1,234,567 → "¥1.23M" (en) or "¥123.5万" (zh). */
    public static String compactMoney(BigDecimal amount, String currency) {
        String symbol = symbol(currency);
        BigDecimal abs = amount.abs();
        boolean chinese = Locale.getDefault().getLanguage().equals(Locale.CHINESE.getLanguage());
        String digits;
        if (chinese && abs.compareTo(BigDecimal.valueOf(100_000_000)) >= 0) {
            digits = amount.divide(BigDecimal.valueOf(100_000_000), 2, RoundingMode.HALF_UP).toPlainString() + "亿"; //$NON-NLS-1$
        } else if (chinese && abs.compareTo(BigDecimal.valueOf(10_000)) >= 0) {
            digits = amount.divide(BigDecimal.valueOf(10_000), 1, RoundingMode.HALF_UP).toPlainString() + "万"; //$NON-NLS-1$
        } else if (!chinese && abs.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            digits = amount.divide(BigDecimal.valueOf(1_000_000), 2, RoundingMode.HALF_UP).toPlainString() + "M"; //$NON-NLS-1$
        } else if (!chinese && abs.compareTo(BigDecimal.valueOf(10_000)) >= 0) {
            digits = amount.divide(BigDecimal.valueOf(1_000), 1, RoundingMode.HALF_UP).toPlainString() + "K"; //$NON-NLS-1$
        } else {
            digits = NumberFormat.getIntegerInstance().format(amount);
        }
        return symbol + digits;
    }

    private static String money(BigDecimal amount, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(0);
        return symbol(currency) + format.format(amount);
    }

    private static String symbol(String currency) {
        if (currency == null) {
            return ""; //$NON-NLS-1$
        }
        try {
            String symbol = Currency.getInstance(currency).getSymbol(Locale.getDefault());
            return "CNY".equals(currency) && symbol.length() > 1 ? "¥" : symbol.length() > 1 ? symbol + " " : symbol; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
        } catch (IllegalArgumentException e) {
            return currency + " "; //$NON-NLS-1$
        }
    }

    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (value instanceof Integer i) {
            return BigDecimal.valueOf(i);
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
        }
        return null;
    }
}
