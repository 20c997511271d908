package org.salesbench.analytics.output;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A month axis without gaps: a chart by month shows every month of its period, a month without data as a zero (or,
 * for averages and shares, as a month without a value), never skipped, so the distance between two bars is the time
 * between them.
 */
public final class MonthAxis {

    /** More months than this (a period of "all time" with one old deal) are not filled: the axis would be unreadable. */
    static final int MOST_MONTHS = 120;

    private MonthAxis() {
    }

    /** The month a category key names ({@code 2026-03}), or null. */
    public static YearMonth month(String key) {
        if (key == null || key.length() != 7) {
            return null;
        }
        try {
            return YearMonth.parse(key);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The dataset with a column for every month from the period's first month (or the first month with data when the
     * period has no start) to its last (or the last with data), in time order, and its other columns (a "none" month)
     * after them. A month without data gets {@code 0} in every series when {@code zero}, otherwise no value. The
     * dataset is returned unchanged when it holds no month or the months would be more than {@value #MOST_MONTHS}.
     */
    public static DefaultCategoryDataset fill(DefaultCategoryDataset data, LocalDate from, LocalDate to, boolean zero) {
        TreeSet<YearMonth> months = new TreeSet<>();
        List<Comparable<?>> others = new ArrayList<>();
        for (Object key : data.getColumnKeys()) {
            YearMonth month = month(key.toString());
            if (month != null) {
                months.add(month);
            } else {
                others.add((Comparable<?>) key);
            }
        }
        if (months.isEmpty()) {
            return data;
        }
        YearMonth first = from == null ? months.first() : min(YearMonth.from(from), months.first());
        YearMonth last = to == null ? months.last() : max(YearMonth.from(to), months.last());
        if (first.plusMonths(MOST_MONTHS).isBefore(last)) {
            // a period far wider than the data (all time): only the gaps between the first and last month with data
            first = months.first();
            last = months.last();
            if (first.plusMonths(MOST_MONTHS).isBefore(last)) {
                return data;
            }
        }
        DefaultCategoryDataset filled = new DefaultCategoryDataset();
        List<Comparable<?>> series = new ArrayList<>();
        for (Object key : data.getRowKeys()) {
            series.add((Comparable<?>) key);
        }
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            String key = m.toString();
            for (Comparable<?> s : series) {
                Number value = data.getColumnIndex(key) >= 0 ? data.getValue(s, key) : null;
                filled.setValue(value != null ? value : zero ? Integer.valueOf(0) : null, cast(s), key);
            }
        }
        for (Comparable<?> other : others) {
            for (Comparable<?> s : series) {
                filled.setValue(data.getValue(s, other), cast(s), cast(other));
            }
        }
        return filled;
    }

    @SuppressWarnings("rawtypes")
    private static Comparable cast(Comparable<?> key) {
        return key;
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }
}
