package org.salesbench.performance.kpi;

import java.math.BigDecimal;

/**
 * A measure of performance contributed to {@code org.salesbench.performance.kpis}: the raw value of a person (or a
 * team: several logins) for a period. It reads only what other modules publish for reporting, through the query's
 * entity manager, inside the caller's read transaction.
 */
public interface Kpi {

    /**
     * The raw value for {@code query}'s logins and period, or {@code null} when there is nothing to measure (a share
     * of no tasks): a scorecard line then scores 0 and says so.
     */
    BigDecimal value(KpiQuery query);
}
