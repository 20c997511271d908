package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;
import java.util.Locale;

import org.salesbench.performance.kpi.KpiQuery;

/**
 * Activities logged: the activities the person performed in the period, of the line's type when it names one
 * ({@code VISIT}, {@code CALL}, {@code MEETING}, {@code EMAIL}, {@code NOTE}), of every type otherwise.
 */
public class ActivitiesKpi extends SqlKpi {

    @Override
    Aggregate aggregate(KpiQuery query) {
        String sql = "FROM {SB_ACTIVITY} a WHERE a.PERFORMED_BY IN ({owners}) AND a.DELETED_AT IS NULL AND a.OCCURRED_AT >= ? AND a.OCCURRED_AT < ?";
        if (query.parameter() == null || query.parameter().isBlank()) {
            return new Aggregate("a.PERFORMED_BY", "COUNT(*)", 1, sql, startOf(query.period().from()), startOf(query.period().to().plusDays(1)));
        }
        return new Aggregate("a.PERFORMED_BY", "COUNT(*)", 1, sql + " AND a.ACTIVITY_TYPE = ?", startOf(query.period().from()),
                startOf(query.period().to().plusDays(1)), query.parameter().trim().toUpperCase(Locale.ROOT));
    }

    @Override
    BigDecimal value(Object[] row, BigDecimal target) {
        return orZero(row[0]);
    }
}
