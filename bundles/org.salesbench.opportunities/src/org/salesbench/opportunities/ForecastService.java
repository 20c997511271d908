package org.salesbench.opportunities;

import java.util.List;

/**
 * The weighted forecast: amount × probability summed by expected close month and forecast
 * category, per owner, team or pipeline, computed with SQL aggregates. Lost deals are left out.
 */
public interface ForecastService {

    /** The forecast rows, by month, category and group; one row per currency when amounts differ in currency. */
    List<ForecastRow> forecast(ForecastQuery query);
}
