package org.salesbench.performance.scorecards;

/** How an award was given: to the top of a closed assessment's ranking, or by a manager's choice. */
public enum AwardSource {
    RANK, MANAGER
}
