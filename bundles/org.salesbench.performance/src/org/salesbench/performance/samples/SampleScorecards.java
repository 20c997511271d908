package org.salesbench.performance.samples;

import org.salesbench.performance.scorecards.ScorecardService;
import org.salesbench.performance.scorecards.ScorecardTemplate;

/**
 * Sample scorecards for the demo database, whose made-up history starts before today: a template saved and published
 * as it would have been the day before its period began (criteria are published in advance, so
 * {@link ScorecardService#publish} refuses a period that has begun). The same checks and rights as the service: the
 * weights rule, no overlap with another published template, the APPROVE right.
 * <p>
 * Not public API: back-dating a publication is for made-up data only, so this package is exported to friends alone
 * (the demo bundle and the tests), and the architecture rules allow the demo as the one production friend.
 */
public interface SampleScorecards {

    /** Saves {@code draft} and publishes it dated the day before its period began; the published template. */
    ScorecardTemplate publishBeforePeriod(ScorecardTemplate draft);
}
