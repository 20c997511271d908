package org.salesbench.analytics;

import java.util.List;

/**
 * A report, as contributed to the extension point {@code org.salesbench.analytics.reports}. It runs
 * aggregate SQL in the database (never loads rows to sum them in Java) and takes the SQL of each
 * figure from the metric catalogue. The filter it gets is already checked.
 */
public interface Report {

    /** Computes the report for the filter; an empty result when nothing matches. */
    ReportResult run(ReportContext context, ReportFilter filter);

    /** The records behind the row with this drill key; their amounts (or count) add up to the row's figure. */
    List<DrillRecord> drillDown(ReportContext context, ReportFilter filter, String drillKey);
}
