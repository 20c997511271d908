package org.salesbench.customers.pool;

/**
 * The pool rules of a team: a customer with no follow-up for {@code returnAfterDays} days returns to the pool, its owner
 * warned {@code warnDaysBefore} days before; a person may own at most {@code ownedCap} customers when claiming from the
 * pool. {@code returnAfterDays = 0} turns returns (and warnings) off; {@code ownedCap = 0} means no cap.
 *
 * @param team the team's name, or {@code null} for the default rules (people in no team, teams without their own)
 */
public record PoolSettings(String team, int returnAfterDays, int warnDaysBefore, int ownedCap) {

    /** The rules until an administrator sets others: 30 days, a warning 7 days before, at most 200 customers. */
    public static final PoolSettings DEFAULT = new PoolSettings(null, 30, 7, 200);

    /** The same rules for another team. */
    public PoolSettings forTeam(String teamName) {
        return new PoolSettings(teamName, returnAfterDays, warnDaysBefore, ownedCap);
    }
}
