package org.salesbench.performance.scorecards;

/**
 * Sample scorecards for demo and training databases, whose made-up history starts before today: a template saved and
 * published as it would have been the day before its period began (criteria are published in advance, so
 * {@link ScorecardService#publish} refuses a period that has begun). The same checks and rights as the service:
 * the weights rule, no overlap with another published template, the APPROVE right. Not for real scorecards.
 */
public interface SampleScorecards {

    /** Saves {@code draft} and publishes it dated the day before its period began; the published template. */
    ScorecardTemplate publishBeforePeriod(ScorecardTemplate draft);
}
