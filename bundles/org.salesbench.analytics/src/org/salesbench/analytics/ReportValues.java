package org.salesbench.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a report's figures read to a person (chart labels, PDF and terminal tables): money with grouping and two
 * decimals, counts whole, percentages with one decimal and a percent sign, days with one decimal, dates ISO; and
 * how files and machine-readable output hold them ({@link #typedValues}). The one place this is decided, so a
 * chart, a PDF, a spreadsheet and the command line show a figure the same way.
 */
public final class ReportValues {

    private ReportValues() {
    }

    /** The value as text; {@code ""} for none. */
    public static String format(Object value, Unit unit, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (!(value instanceof Number number) || unit == null) {
            return value.toString();
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(true);
        switch (unit) {
            case MONEY -> {
                format.setMinimumFractionDigits(2);
                format.setMaximumFractionDigits(2);
            }
            case COUNT -> format.setMaximumFractionDigits(0);
            case PERCENT -> {
                format.setMinimumFractionDigits(1);
                format.setMaximumFractionDigits(1);
                return format.format(toBigDecimal(number)) + " %";
            }
            case DAYS -> {
                format.setMinimumFractionDigits(1);
                format.setMaximumFractionDigits(1);
            }
            default -> format.setMaximumFractionDigits(4);
        }
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(toBigDecimal(number));
    }

    /** Every cell of the result formatted by its column's unit, row by row. */
    public static List<List<String>> formattedRows(ReportResult result, Locale locale) {
        List<List<String>> rows = new ArrayList<>(result.rows().size());
        List<ReportColumn> columns = result.columns();
        result.rows().forEach(row -> {
            List<String> cells = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                cells.add(format(i < row.values().size() ? row.values().get(i) : null, columns.get(i).unit(), locale));
            }
            rows.add(cells);
        });
        return rows;
    }

    /** Whether a column holds figures (to be right-aligned, charted, written as numbers) rather than names or dates. */
    public static boolean isFigure(ReportColumn column) {
        return column.unit() == Unit.MONEY || column.unit() == Unit.COUNT || column.unit() == Unit.PERCENT
                || column.unit() == Unit.DAYS;
    }

    /** A column's header, with the result's currency for money ("Won revenue (CNY)"). */
    public static String header(ReportColumn column, ReportResult result) {
        if (column.unit() == Unit.MONEY && result.currency() != null && !result.currency().isBlank()) {
            return column.label() + " (" + result.currency() + ")";
        }
        return column.label();
    }

    /**
     * A row's values as files hold them: money to the cent, shares and days to two decimals (as BigDecimal, so
     * text files never show {@code 1.0E7}), counts whole.
     */
    public static List<Object> typedValues(ReportResult result, ReportRow row) {
        List<Object> values = new ArrayList<>(result.columns().size());
        for (int i = 0; i < result.columns().size(); i++) {
            Object value = i < row.values().size() ? row.values().get(i) : null;
            values.add(typed(value, result.columns().get(i).unit()));
        }
        return values;
    }

    static Object typed(Object value, Unit unit) {
        if (!(value instanceof Number n) || unit == null) {
            return value;
        }
        BigDecimal d = n instanceof BigDecimal b ? b : n instanceof Long || n instanceof Integer ? BigDecimal.valueOf(n.longValue())
                : Double.isFinite(n.doubleValue()) ? BigDecimal.valueOf(n.doubleValue()) : null;
        if (d == null) {
            return null;
        }
        return switch (unit) {
            case MONEY, PERCENT, DAYS -> d.setScale(2, RoundingMode.HALF_UP);
            case COUNT -> d.setScale(0, RoundingMode.HALF_UP).longValueExact();
            default -> d;
        };
    }

    static BigDecimal toBigDecimal(Number number) {
        return switch (number) {
            case BigDecimal d -> d;
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            default -> Double.isFinite(number.doubleValue()) ? BigDecimal.valueOf(number.doubleValue()) : BigDecimal.ZERO;
        };
    }
}
