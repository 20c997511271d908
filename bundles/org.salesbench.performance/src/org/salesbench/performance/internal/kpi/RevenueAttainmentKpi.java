package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;

import org.salesbench.performance.kpi.KpiQuery;

/**
 * Revenue attainment: won revenue in the period × 100 / the target. The target is the scorecard line's own for now
 * (the targets of the performance module will supply it); no target, no value.
 */
public class RevenueAttainmentKpi extends SqlKpi {

    @Override
    BigDecimal compute(KpiQuery query) {
        if (query.target() == null || query.target().signum() <= 0) {
            return null;
        }
        return share(WonRevenueKpi.won(query), query.target());
    }
}
