package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;

import org.salesbench.performance.kpi.KpiQuery;

/**
 * Revenue attainment: won revenue in the period × 100 / the target. The target is the scorecard line's own when it
 * has one, else the person's (or team's) published won revenue target for the period, which {@link KpiServiceImpl}
 * and the scorecards read from the targets service before they ask; no target, no value.
 */
public class RevenueAttainmentKpi extends SqlKpi {

    @Override
    Aggregate aggregate(KpiQuery query) {
        return WonRevenueKpi.won(query);
    }

    @Override
    BigDecimal value(Object[] row, BigDecimal target) {
        if (target == null || target.signum() <= 0) {
            return null;
        }
        return share(orZero(row[0]), target);
    }
}
