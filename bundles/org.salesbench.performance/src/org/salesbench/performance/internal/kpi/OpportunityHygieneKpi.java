package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;

import org.salesbench.performance.kpi.KpiQuery;

/**
 * Opportunity hygiene: of the person's open deals, the share whose expected close date is not overdue at the period's
 * end (a date on or after it, or none set). No open deal, no value.
 */
public class OpportunityHygieneKpi extends SqlKpi {

    @Override
    BigDecimal compute(KpiQuery query) {
        Object[] r = row(query, "SELECT COUNT(*), COUNT(CASE WHEN o.CLOSE_DATE IS NULL OR o.CLOSE_DATE >= ? THEN 1 END)"
                + " FROM SB_OPPORTUNITY o WHERE o.OWNER IN ({owners}) AND o.STATE = 'OPEN' AND o.DELETED_AT IS NULL", query.period().to());
        return share(decimal(r[1]), decimal(r[0]));
    }
}
