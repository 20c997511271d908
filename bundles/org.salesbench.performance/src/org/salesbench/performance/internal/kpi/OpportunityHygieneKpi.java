package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;

import org.salesbench.performance.kpi.KpiQuery;

/**
 * Opportunity hygiene: of the person's open deals, the share whose expected close date is not overdue at the period's
 * end (a date on or after it, or none set). No open deal, no value.
 */
public class OpportunityHygieneKpi extends SqlKpi {

    @Override
    Aggregate aggregate(KpiQuery query) {
        return new Aggregate("o.OWNER", "COUNT(*), COUNT(CASE WHEN o.CLOSE_DATE IS NULL OR o.CLOSE_DATE >= ? THEN 1 END)", 2,
                "FROM {SB_OPPORTUNITY} o WHERE o.OWNER IN ({owners}) AND o.STATE = 'OPEN' AND o.DELETED_AT IS NULL", query.period().to());
    }

    @Override
    BigDecimal value(Object[] row, BigDecimal target) {
        return share(orZero(row[1]), orZero(row[0]));
    }
}
