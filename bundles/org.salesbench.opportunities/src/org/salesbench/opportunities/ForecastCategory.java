package org.salesbench.opportunities;

/** How sure the owner is of a deal, for the forecast. Won deals are CLOSED, lost ones OMITTED. */
public enum ForecastCategory {
    PIPELINE, BEST_CASE, COMMIT, CLOSED, OMITTED
}
