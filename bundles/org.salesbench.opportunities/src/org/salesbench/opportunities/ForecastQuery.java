package org.salesbench.opportunities;

import java.time.YearMonth;
import java.util.Objects;

/**
 * The forecast to compute: expected close months {@code from} to {@code to} inclusive, broken down
 * by {@code grouping}, optionally limited to one pipeline, one owner or one team (by id).
 */
public record ForecastQuery(YearMonth from, YearMonth to, ForecastGrouping grouping, Long pipelineId, String owner, Long teamId) {

    public ForecastQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        grouping = grouping == null ? ForecastGrouping.NONE : grouping;
    }

    public static ForecastQuery months(YearMonth from, YearMonth to, ForecastGrouping grouping) {
        return new ForecastQuery(from, to, grouping, null, null, null);
    }
}
