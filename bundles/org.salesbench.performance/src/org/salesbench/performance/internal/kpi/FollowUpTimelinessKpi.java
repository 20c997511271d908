package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;

import org.salesbench.performance.kpi.KpiQuery;

/**
 * Follow-up timeliness (跟进及时率): of the person's follow-up tasks (workflow's published {@code SB_TASK}, tasks about a
 * record) due in the period and not cancelled, the share done by their due time. No such task, no value.
 */
public class FollowUpTimelinessKpi extends SqlKpi {

    @Override
    Aggregate aggregate(KpiQuery query) {
        return new Aggregate("t.OWNER", "COUNT(*), COUNT(CASE WHEN t.STATUS = 'DONE' AND t.COMPLETED_AT <= t.DUE_AT THEN 1 END)", 2,
                "FROM {SB_TASK} t WHERE t.OWNER IN ({owners}) AND t.RELATED_ENTITY IS NOT NULL AND t.STATUS <> 'CANCELLED'"
                        + " AND t.DUE_AT >= ? AND t.DUE_AT < ?", startOf(query.period().from()), startOf(query.period().to().plusDays(1)));
    }

    @Override
    BigDecimal value(Object[] row, BigDecimal target) {
        return share(orZero(row[1]), orZero(row[0]));
    }
}
