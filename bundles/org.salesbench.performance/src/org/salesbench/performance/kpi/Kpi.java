package org.salesbench.performance.kpi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Each login's own value, as {@link #value} would give for that login alone, for a leaderboard: {@code query}'s
     * logins are the people ranked and its target is unused; {@code targets} holds each login's target (no key: none).
     * The map has every login of the query, in its order (a null value: nothing to measure). The default asks
     * {@link #value} once per login; a KPI that can answer everyone with one grouped query overrides it.
     */
    default Map<String, BigDecimal> valuesEach(KpiQuery query, Map<String, BigDecimal> targets) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (String login : query.logins()) {
            values.put(login, value(new KpiQuery(query.em(), List.of(login), query.period(), query.parameter(), targets.get(login))));
        }
        return values;
    }
}
