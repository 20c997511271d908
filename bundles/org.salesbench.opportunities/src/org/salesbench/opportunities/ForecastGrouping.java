package org.salesbench.opportunities;

/** The dimension a forecast is broken down by besides month and category. */
public enum ForecastGrouping {
    /** one total per month and category */
    NONE,
    /** per owner login */
    OWNER,
    /** per team, by team name (an owner in several teams counts in each; owners in no team are left out) */
    TEAM,
    /** per pipeline */
    PIPELINE
}
