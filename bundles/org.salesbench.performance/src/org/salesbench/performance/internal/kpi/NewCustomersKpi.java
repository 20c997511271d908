package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;

import org.salesbench.performance.kpi.KpiQuery;

/** New customers: the customers the person owns that were created in the period (not in the recycle bin). */
public class NewCustomersKpi extends SqlKpi {

    @Override
    Aggregate aggregate(KpiQuery query) {
        return new Aggregate("c.OWNER", "COUNT(*)", 1, "FROM {SB_CUSTOMER} c WHERE c.OWNER IN ({owners}) AND c.DELETED_AT IS NULL"
                + " AND c.CREATED_AT >= ? AND c.CREATED_AT < ?", startOf(query.period().from()), startOf(query.period().to().plusDays(1)));
    }

    @Override
    BigDecimal value(Object[] row, BigDecimal target) {
        return orZero(row[0]);
    }
}
