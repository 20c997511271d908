package org.salesbench.performance.targets;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Actual against target for one subject, metric and period, as of a day.
 *
 * @param metric     the catalogue metric
 * @param subject    whose
 * @param period     the period
 * @param target     the target, {@code null} when none is set
 * @param actual     the metric's figure from the period's first day to {@code asOf} (or the period's end)
 * @param percent    actual × 100 / target, two decimals; {@code null} without a (non-zero) target
 * @param runRate    actual per elapsed day; zero before the period starts
 * @param projection the actual at the period's end if the run rate holds (the actual once the period is over)
 * @param remaining  what is still needed to reach the target (never below zero); {@code null} without a target
 * @param neededPerDay what is needed per remaining day to reach the target; {@code null} without a target or days left
 * @param asOf       the day the figures were taken
 * @param elapsedDays days of the period up to {@code asOf}, both ends included
 * @param periodDays  days of the period
 */
public record Attainment(String metric, Subject subject, TargetPeriod period, BigDecimal target, BigDecimal actual, BigDecimal percent,
        BigDecimal runRate, BigDecimal projection, BigDecimal remaining, BigDecimal neededPerDay, LocalDate asOf, long elapsedDays, long periodDays) {
}
