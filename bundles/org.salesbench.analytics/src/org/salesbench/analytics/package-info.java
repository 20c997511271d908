/**
 * Analytics: the metric catalogue (one definition per figure), reports contributed through the
 * extension point {@code org.salesbench.analytics.reports}, and their results, drill-down and exports.
 */
package org.salesbench.analytics;
