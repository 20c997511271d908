package org.salesbench.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Runs the contributed reports. An OSGi service.
 */
public interface ReportService {

    /** Every contributed report, in contribution order. */
    List<ReportDescriptor> reports();

    Optional<ReportDescriptor> report(String id);

    /**
     * Runs a report.
     *
     * @throws IllegalArgumentException when no report has this id (the message names it and the known ones)
     * @throws org.salesbench.core.validation.ValidationException when the filter is wrong, e.g. {@code from}
     *         after {@code to}, or a dimension the report does not offer (the error names the field)
     * @return the result; empty when nothing matches, also for an unknown or deleted owner or team
     */
    ReportResult run(String reportId, ReportFilter filter);

    /**
     * The records behind one row of {@link #run}'s result, checked like {@link #run}.
     */
    List<DrillRecord> drillDown(String reportId, ReportFilter filter, String drillKey);

    /**
     * Records the pipeline as it stands, per pipeline and stage (count and amount of the open deals per
     * currency), as the snapshot of {@code day}, replacing one taken earlier that day. The pipeline trend
     * report reads these snapshots; the workbench and the CLI call this once a day.
     *
     * @return the number of snapshot rows written
     */
    int snapshot(LocalDate day);
}
