package org.salesbench.core.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/** A closed range of calendar days, {@code start} to {@code end} inclusive. */
public record DateRange(LocalDate start, LocalDate end) {

    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
    }

    public static DateRange month(YearMonth month) {
        return new DateRange(month.atDay(1), month.atEndOfMonth());
    }

    public static DateRange quarterOf(LocalDate day) {
        int firstMonth = (day.getMonthValue() - 1) / 3 * 3 + 1;
        LocalDate start = LocalDate.of(day.getYear(), firstMonth, 1);
        return new DateRange(start, start.plusMonths(3).minusDays(1));
    }

    public static DateRange year(int year) {
        return new DateRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    public long days() {
        return end.toEpochDay() - start.toEpochDay() + 1;
    }
}
