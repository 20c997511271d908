package org.salesbench.customers.pool;

import java.util.List;

import org.salesbench.core.validation.ValidationException;

/**
 * The public pool (公海). A customer is <em>followed up</em> when an activity is logged on it (a call, a visit, a
 * meeting, an e-mail, a note); its last follow-up is its newest activity, or when its owner got it (created it or
 * claimed it from the pool) if that is later. A customer with no follow-up for the team's
 * {@link PoolSettings#returnAfterDays()} first gets a warning to its owner {@link PoolSettings#warnDaysBefore()} days
 * before, then returns to the pool: never sooner than that many days after the warning, so an owner is always told in
 * time. The sweep does both; the workbench runs it on start and once a day, the CLI on {@code pool sweep}.
 * <p>
 * Every warning, return and claim is kept as a {@link PoolEvent}; the owner change itself is also in the audit trail
 * of the customer. Each method checks the current user's permission and posts {@code org/salesbench/customer/UPDATED}
 * for each customer whose owner changed, and a {@link #WARNING_ENTITY} event for each new warning, after commit.
 */
public interface CustomerPool {

    /** The owner of a customer in the pool: not a valid login, so nobody owns it. */
    String POOL_OWNER = "(pool)";

    /**
     * The entity of the warnings: after a sweep warned an owner, {@code EventTopics.topic(WARNING_ENTITY, CREATED)} is
     * posted with the customer's id; the warning itself (owner, return date) is the customer's row in
     * {@code SB_CUSTOMER_POOL_WARNING}, or {@link #warnings}.
     */
    String WARNING_ENTITY = "customerPoolWarning";

    /** The entity name of the pool rules, for permission checks (changing them is an administrator's or manager's work). */
    String SETTINGS_ENTITY = "poolSettings";

    /** Warns owners of customers about to return and returns those due, as of now. */
    SweepResult sweep();

    /** How many customers are in the pool and match. */
    long count(PoolFilter filter);

    /** The matching customers in the pool, longest in the pool first, at most {@code limit} from {@code offset}. */
    List<PoolRow> page(PoolFilter filter, int offset, int limit);

    /** The matching customers in the pool in {@code sort}'s order ({@code null}: longest in the pool first); every page follows it. */
    List<PoolRow> page(PoolFilter filter, PoolSort sort, int offset, int limit);

    /**
     * Takes a customer from the pool for the current user.
     *
     * @throws ValidationException naming the cap when the user already owns as many customers as the cap allows, or
     *                             naming the new owner when someone claimed the customer first (also when both claim at
     *                             the same moment: one wins, the other gets this), or when the customer is not in the pool
     */
    void claim(long customerId);

    /** The customers of {@code owner} about to return to the pool, soonest first; {@code null} for the current user. */
    List<PoolWarning> warnings(String owner);

    /** What happened to a customer in the pool, oldest first. */
    List<PoolEvent> history(long customerId);

    /** The rules that apply to a person: their team's, else the default. */
    PoolSettings settingsFor(String login);

    /** The rules of a team ({@code null}: the default rules). */
    PoolSettings settings(String team);

    /**
     * Sets the rules of {@code settings.team()} ({@code null}: the default rules).
     *
     * @throws ValidationException for a negative number, a warning not shorter than the return period, or an unknown team
     */
    void saveSettings(PoolSettings settings);
}
