package org.salesbench.performance.kpi;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed range of days an assessment or a statement covers. {@link #parse} reads {@code 2026}, {@code 2026-H2},
 * {@code 2026-Q4} and {@code 2026-11}.
 */
public record Period(LocalDate from, LocalDate to) {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-(?:([Hh])([12])|([Qq])([1-4])|(\\d{2})))?");

    public Period {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException(from + ".." + to);
        }
    }

    /** The period a text names, or empty when it is none of the forms above. */
    public static java.util.Optional<Period> parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        try {
            if (m.group(2) != null) {
                int half = Integer.parseInt(m.group(3));
                LocalDate from = LocalDate.of(year, half == 1 ? 1 : 7, 1);
                return java.util.Optional.of(new Period(from, from.plusMonths(6).minusDays(1)));
            }
            if (m.group(4) != null) {
                int quarter = Integer.parseInt(m.group(5));
                LocalDate from = LocalDate.of(year, quarter * 3 - 2, 1);
                return java.util.Optional.of(new Period(from, from.plusMonths(3).minusDays(1)));
            }
            if (m.group(6) != null) {
                YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(6)));
                return java.util.Optional.of(new Period(month.atDay(1), month.atEndOfMonth()));
            }
            return java.util.Optional.of(new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        } catch (java.time.DateTimeException e) {
            return java.util.Optional.empty();
        }
    }

    public boolean overlaps(Period other) {
        return !other.to.isBefore(from) && !other.from.isAfter(to);
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
