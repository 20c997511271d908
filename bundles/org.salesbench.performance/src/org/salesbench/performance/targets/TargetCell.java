package org.salesbench.performance.targets;

import java.math.BigDecimal;

/**
 * One cell of a grid of targets as the user typed it: the value of a subject's target for a period, and the target the
 * user saw there with its version ({@code targetId} null: there was none, so one is created).
 */
public record TargetCell(Subject subject, TargetPeriod period, BigDecimal value, Long targetId, long seenVersion) {
}
