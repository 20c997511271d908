package org.salesbench.performance.kpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The contributed KPIs, their values and the teamwork ratings managers enter. */
public interface KpiService {

    /** Every KPI contributed, by order then id; a contribution whose class fails to load is left out and logged. */
    List<KpiDefinition> kpis();

    Optional<KpiDefinition> kpi(String id);

    /**
     * The KPI's raw value for the logins and period (null: nothing to measure).
     *
     * @throws org.salesbench.core.validation.ValidationException naming the KPI when it is not contributed
     */
    BigDecimal value(String kpiId, List<String> logins, Period period, String parameter, BigDecimal target);

    /**
     * The KPI's raw value for a team (by name): its members together, as one subject.
     *
     * @throws org.salesbench.core.validation.ValidationException naming the team when there is none of that name
     */
    BigDecimal teamValue(String kpiId, String team, Period period, String parameter, BigDecimal target);

    /**
     * A manager's teamwork rating (0–100) of {@code login} for the period, with a reason; a second rating of the same
     * person and period replaces the first. Refused for a rating out of range, a missing reason or one's own rating.
     */
    TeamworkRating rate(String login, Period period, BigDecimal rating, String reason);

    /** A leaderboard: the logins ranked by the KPI's value for the period, highest first (ties share a rank). */
    List<Ranked> leaderboard(String kpiId, List<String> logins, Period period, String parameter);

    /** One place on a leaderboard. */
    record Ranked(int rank, String login, BigDecimal value) {
    }
}
