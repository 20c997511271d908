package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;

import org.salesbench.performance.kpi.KpiQuery;

/** Won revenue: the amounts of the deals won in the period (by their won date), as the won_revenue metric counts them. */
public class WonRevenueKpi extends SqlKpi {

    static BigDecimal won(KpiQuery query) {
        BigDecimal sum = decimal(row(query, "SELECT SUM(o.AMOUNT) FROM SB_OPPORTUNITY o WHERE o.OWNER IN ({owners})"
                + " AND o.STATE = 'WON' AND o.DELETED_AT IS NULL AND o.CLOSED_ON BETWEEN ? AND ?", query.period().from(), query.period().to())[0]);
        return sum == null ? BigDecimal.ZERO : sum;
    }

    @Override
    BigDecimal compute(KpiQuery query) {
        return won(query);
    }
}
