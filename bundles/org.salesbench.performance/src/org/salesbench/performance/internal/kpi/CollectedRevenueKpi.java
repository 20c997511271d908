package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;

import org.salesbench.performance.kpi.KpiQuery;

/**
 * Collected revenue: the receipts on the person's contracts received in the period, less the reversals made in it
 * (a reversal is a receipt of the negative amount), from contracts' published {@code SB_CONTRACT_RECEIPT}.
 */
public class CollectedRevenueKpi extends SqlKpi {

    @Override
    Aggregate aggregate(KpiQuery query) {
        return new Aggregate("r.OWNER", "SUM(r.AMOUNT)", 1, "FROM SB_CONTRACT_RECEIPT r WHERE r.OWNER IN ({owners})"
                + " AND r.RECEIVED_ON BETWEEN ? AND ?", query.period().from(), query.period().to());
    }

    @Override
    BigDecimal value(Object[] row, BigDecimal target) {
        return orZero(row[0]);
    }
}
