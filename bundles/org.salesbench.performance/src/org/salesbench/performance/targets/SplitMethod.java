package org.salesbench.performance.targets;

/** How a target is split into parts. */
public enum SplitMethod {
    /** the same for every part; the cents left over go one each to the first parts in order */
    EQUAL,
    /** in proportion to each part's actual figure of the same period a year earlier (largest remainder for the cents) */
    LAST_YEAR_SHARE,
    /** as the user typed; the parts must add up to the whole */
    BY_HAND
}
