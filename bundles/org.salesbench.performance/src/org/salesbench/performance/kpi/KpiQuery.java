package org.salesbench.performance.kpi;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.EntityManager;

/**
 * What a {@link Kpi} is asked: the logins (one person, or a team's members), the period, the scorecard line's
 * parameter (an activity type for {@code activities}) and its target value (what revenue attainment divides by), and
 * the entity manager of the read transaction to query with.
 */
public record KpiQuery(EntityManager em, List<String> logins, Period period, String parameter, BigDecimal target) {

    public KpiQuery {
        logins = List.copyOf(logins);
    }

    /** {@code ?, ?, ?} for the logins, to write {@code OWNER IN (…)}. */
    public String placeholders() {
        return String.join(", ", java.util.Collections.nCopies(logins.size(), "?"));
    }

    /** Binds the logins from parameter position {@code first}; returns the next position. */
    public int bindLogins(jakarta.persistence.Query q, int first) {
        int i = first;
        for (String login : logins) {
            q.setParameter(i++, login);
        }
        return i;
    }
}
