package org.salesbench.opportunities.assignment;

import java.util.List;
import java.util.Optional;

/**
 * Assigns new leads and opportunities to an owner with the configured strategy and logs every
 * assignment with its explanation. Inactive users are never assigned.
 */
public interface AssignmentService {

    String ROUND_ROBIN = "org.salesbench.opportunities.assignment.roundRobin";
    String TERRITORY = "org.salesbench.opportunities.assignment.territory";
    String INDUSTRY = "org.salesbench.opportunities.assignment.industry";
    String LOAD = "org.salesbench.opportunities.assignment.load";

    /** The contributed strategies, in their order. */
    List<StrategyInfo> strategies();

    /** The strategy new records are assigned with; round robin until one is configured. */
    String configuredStrategy();

    /**
     * Makes {@code strategyId} the strategy for everyone using this database.
     *
     * @throws org.salesbench.core.validation.ValidationException if no such strategy is contributed
     */
    void configureStrategy(String strategyId);

    /**
     * Whether new records of {@code kind} created without an owner are assigned with the configured
     * strategy. Off until switched on: then the creator owns what they create.
     */
    boolean isAutoAssignEnabled(AssignableKind kind);

    /** Switches automatic assignment of new records of {@code kind} on or off for everyone using this database. */
    void setAutoAssignEnabled(AssignableKind kind, boolean enabled);

    /**
     * Assigns a just-created record with the configured strategy and logs it, if automatic assignment
     * is on for its kind; joins the caller's transaction, so a refused assignment undoes the creation.
     *
     * @return the log line, or empty when automatic assignment is off for {@code kind}
     */
    Optional<AssignmentRecord> autoAssign(AssignableKind kind, long entityId);

    /** Assigns a lead with the configured strategy, sets its owner and logs it, in one transaction. */
    AssignmentRecord assignLead(long leadId);

    /** Assigns an opportunity with the configured strategy, sets its owner and logs it, in one transaction. */
    AssignmentRecord assignOpportunity(long opportunityId);

    /** Assigns with a given strategy (e.g. to try one out, or from a workflow rule). */
    AssignmentRecord assign(AssignableKind kind, long entityId, String strategyId);

    /** The log of one lead or opportunity, newest first. */
    List<AssignmentRecord> history(AssignableKind kind, long entityId);

    /** The most recent log lines, newest first. */
    List<AssignmentRecord> recent(int max);

    /** The territory and industry rules, in order. */
    List<AssignmentRule> rules();

    /**
     * Replaces the rules.
     *
     * @throws org.salesbench.core.validation.ValidationException naming the rule whose value is blank
     *         or whose assignee is no active user
     */
    void saveRules(List<AssignmentRule> rules);
}
