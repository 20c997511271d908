/**
 * Scorecards: a {@link org.salesbench.performance.scorecards.ScorecardTemplate} weighs KPI lines (weights add up to
 * 100 %), each scored by a {@link org.salesbench.performance.scorecards.Curve}; it is published before its period and is
 * read-only afterwards (a new half-year gets a new version). An {@link org.salesbench.performance.scorecards.Assessment}
 * freezes a period's figures per person, with a manager's adjustment and reason and the person's confirmation or
 * appeal. {@link org.salesbench.performance.scorecards.ScorecardService} is the service; a
 * {@link org.salesbench.performance.scorecards.ScoreSheet} shows a score line by line.
 */
package org.salesbench.performance.scorecards;
