package org.salesbench.analytics.internal;

import java.util.List;

import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.DrillRecord;
import org.salesbench.analytics.Report;
import org.salesbench.analytics.ReportContext;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;

/** The report {@code funnel}. */
public class FunnelReport implements Report {

    @Override
    public ReportResult run(ReportContext context, ReportFilter filter) {
        return new ReportResult("funnel", "funnel", filter, List.of(), List.of(), ChartKind.TABLE, "CNY");
    }

    @Override
    public List<DrillRecord> drillDown(ReportContext context, ReportFilter filter, String drillKey) {
        return List.of();
    }
}
