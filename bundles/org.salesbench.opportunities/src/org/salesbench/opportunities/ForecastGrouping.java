package org.salesbench.opportunities;

/** The dimension a forecast is broken down by besides month and category. */
public enum ForecastGrouping {
    /** one total per month and category */
    NONE,
    /** per owner login */
    OWNER,
    /** per team (an owner in several teams counts in each) */
    TEAM,
    /** per pipeline */
    PIPELINE
}
