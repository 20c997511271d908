package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.salesbench.performance.kpi.KpiQuery;

/** Teamwork: the mean of the managers' ratings (0–100) of the person for periods within this one. No rating, no value. */
public class TeamworkKpi extends SqlKpi {

    @Override
    Aggregate aggregate(KpiQuery query) {
        return new Aggregate("r.LOGIN", "SUM(r.RATING), COUNT(*)", 2, "FROM {SB_PERF_RATING} r WHERE r.LOGIN IN ({owners})"
                + " AND r.PERIOD_FROM >= ? AND r.PERIOD_TO <= ?", query.period().from(), query.period().to());
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
