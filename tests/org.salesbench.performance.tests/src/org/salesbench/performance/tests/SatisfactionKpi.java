package org.salesbench.performance.tests;

import java.math.BigDecimal;

import org.salesbench.performance.kpi.Kpi;
import org.salesbench.performance.kpi.KpiQuery;

/** An add-on's KPI contributed by the test fragment: a satisfaction rating of 87.5 for anyone. */
public class SatisfactionKpi implements Kpi {

    @Override
    public BigDecimal value(KpiQuery query) {
        return new BigDecimal("87.5");
    }
}
