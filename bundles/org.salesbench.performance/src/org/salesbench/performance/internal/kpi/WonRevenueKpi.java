package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;

import org.salesbench.performance.kpi.KpiQuery;

/** Won revenue: the amounts of the deals won in the period (by their won date), as the won_revenue metric counts them. */
public class WonRevenueKpi extends SqlKpi {

    /** The won revenue aggregate, which revenue attainment divides by the target. */
    static Aggregate won(KpiQuery query) {
        return new Aggregate("o.OWNER", "SUM(o.AMOUNT)", 1, "FROM {SB_OPPORTUNITY} o WHERE o.OWNER IN ({owners})"
                + " AND o.STATE = 'WON' AND o.DELETED_AT IS NULL AND o.CLOSED_ON BETWEEN ? AND ?", query.period().from(), query.period().to());
    }

    @Override
    Aggregate aggregate(KpiQuery query) {
        return won(query);
    }

    @Override
    BigDecimal value(Object[] row, BigDecimal target) {
        return orZero(row[0]);
    }
}
