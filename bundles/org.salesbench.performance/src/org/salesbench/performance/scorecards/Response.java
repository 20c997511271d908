package org.salesbench.performance.scorecards;

/** The assessed person's answer to their assessment. */
public enum Response {
    PENDING, CONFIRMED, APPEALED
}
