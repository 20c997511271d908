package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.salesbench.performance.kpi.KpiQuery;

/**
 * Customer satisfaction (CSAT): the mean of the 1–5 ratings customers gave the activities the person performed in the
 * period (the customers module's {@code SB_ACTIVITY.SATISFACTION}); activities without a rating do not count, and no
 * rating at all measures nothing. Everyone's in one query grouped by the performer, like the activities KPI.
 */
public class CustomerSatisfactionKpi extends SqlKpi {

    @Override
    Aggregate aggregate(KpiQuery query) {
        return new Aggregate("a.PERFORMED_BY", "SUM(a.SATISFACTION), COUNT(a.SATISFACTION)", 2, "FROM {SB_ACTIVITY} a WHERE a.PERFORMED_BY IN ({owners})"
                + " AND a.DELETED_AT IS NULL AND a.SATISFACTION IS NOT NULL AND a.OCCURRED_AT >= ? AND a.OCCURRED_AT < ?", startOf(query.period().from()),
                startOf(query.period().to().plusDays(1)));
    }

    @Override
    BigDecimal value(Object[] row, BigDecimal target) {
        BigDecimal count = orZero(row[1]);
        if (count.signum() == 0) {
            return null;
        }
        return decimal(row[0]).divide(count, 4, RoundingMode.HALF_UP);
    }
}
