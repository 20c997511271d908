package org.salesbench.performance.targets;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period: a year ({@code 2026}), a half ({@code 2026-H1}), a quarter ({@code 2026-Q3}) or a month
 * ({@code 2026-05}). Two periods of one kind overlap only when they are the same period.
 *
 * @param kind  year, half, quarter or month
 * @param year  the calendar year
 * @param index 1 for a year; 1–2 for a half, 1–4 for a quarter, 1–12 for a month
 */
public record TargetPeriod(PeriodKind kind, int year, int index) implements Comparable<TargetPeriod> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-(?:(H)([12])|(Q)([1-4])|(\\d{2})))?");

    public TargetPeriod {
        if (kind == null || year < 1900 || year > 9999 || index < 1 || index > kind.perYear()) {
            throw new IllegalArgumentException(kind + " " + year + " " + index);
        }
    }

    public static TargetPeriod year(int year) {
        return new TargetPeriod(PeriodKind.YEAR, year, 1);
    }

    public static TargetPeriod month(int year, int month) {
        return new TargetPeriod(PeriodKind.MONTH, year, month);
    }

    public static TargetPeriod quarter(int year, int quarter) {
        return new TargetPeriod(PeriodKind.QUARTER, year, quarter);
    }

    public static TargetPeriod half(int year, int half) {
        return new TargetPeriod(PeriodKind.HALF, year, half);
    }

    /** The period of {@code kind} that contains {@code day}. */
    public static TargetPeriod containing(PeriodKind kind, LocalDate day) {
        return new TargetPeriod(kind, day.getYear(), (day.getMonthValue() - 1) / kind.months() + 1);
    }

    /** Reads {@code 2026}, {@code 2026-H1}, {@code 2026-Q3} or {@code 2026-05}; empty for anything else. */
    public static Optional<TargetPeriod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text.trim().toUpperCase());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        try {
            if (m.group(2) != null) {
                return Optional.of(half(year, Integer.parseInt(m.group(3))));
            }
            if (m.group(4) != null) {
                return Optional.of(quarter(year, Integer.parseInt(m.group(5))));
            }
            if (m.group(6) != null) {
                return Optional.of(month(year, Integer.parseInt(m.group(6))));
            }
            return Optional.of(year(year));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The first day. */
    public LocalDate from() {
        return LocalDate.of(year, (index - 1) * kind.months() + 1, 1);
    }

    /** The last day. */
    public LocalDate to() {
        return YearMonth.from(from()).plusMonths(kind.months() - 1L).atEndOfMonth();
    }

    /** The number of days, both ends included. */
    public long days() {
        return to().toEpochDay() - from().toEpochDay() + 1;
    }

    /** The months of the period, in order. */
    public List<TargetPeriod> months() {
        List<TargetPeriod> months = new ArrayList<>();
        for (int m = 0; m < kind.months(); m++) {
            LocalDate d = from().plusMonths(m);
            months.add(month(d.getYear(), d.getMonthValue()));
        }
        return months;
    }

    /** The same period a year earlier. */
    public TargetPeriod yearBefore() {
        return new TargetPeriod(kind, year - 1, index);
    }

    /** Whether {@code other} lies within this period. */
    public boolean contains(TargetPeriod other) {
        return !other.from().isBefore(from()) && !other.to().isAfter(to());
    }

    @Override
    public int compareTo(TargetPeriod o) {
        int c = from().compareTo(o.from());
        return c != 0 ? c : Integer.compare(o.kind.months(), kind.months());
    }

    /** {@code 2026}, {@code 2026-H1}, {@code 2026-Q3} or {@code 2026-05}: what {@link #parse} reads. */
    @Override
    public String toString() {
        return switch (kind) {
            case YEAR -> Integer.toString(year);
            case HALF -> year + "-H" + index;
            case QUARTER -> year + "-Q" + index;
            case MONTH -> String.format("%d-%02d", year, index);
        };
    }
}
