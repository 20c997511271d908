package org.salesbench.analytics.dashboards;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import org.salesbench.core.model.DateRange;

/** The periods a dashboard offers; {@link #CUSTOM} takes its days from the filter. */
public enum DashboardPeriod {
    THIS_MONTH, THIS_QUARTER, THIS_YEAR, LAST_12_MONTHS, CUSTOM;

    /**
     * The days this period covers on {@code today}.
     *
     * @throws IllegalStateException for {@link #CUSTOM}, whose days are the filter's
     */
    public DateRange range(LocalDate today) {
        return switch (this) {
            case THIS_MONTH -> DateRange.month(YearMonth.from(today));
            case THIS_QUARTER -> DateRange.quarterOf(today);
            case THIS_YEAR -> DateRange.year(today.getYear());
            case LAST_12_MONTHS -> new DateRange(YearMonth.from(today).minusMonths(11).atDay(1),
                    YearMonth.from(today).atEndOfMonth());
            case CUSTOM -> throw new IllegalStateException("a custom period has no fixed days");
        };
    }

    /**
     * The period of the same length just before {@code range}, to compare a figure with: whole months give the
     * same number of whole months before (this quarter → last quarter), other ranges the same number of days.
     */
    public static DateRange previous(DateRange range) {
        LocalDate start = range.start();
        LocalDate end = range.end();
        if (start.getDayOfMonth() == 1 && end.equals(YearMonth.from(end).atEndOfMonth())) {
            long months = ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(end)) + 1;
            YearMonth first = YearMonth.from(start).minusMonths(months);
            return new DateRange(first.atDay(1), YearMonth.from(start).minusMonths(1).atEndOfMonth());
        }
        long days = range.days();
        return new DateRange(start.minusDays(days), start.minusDays(1));
    }
}
