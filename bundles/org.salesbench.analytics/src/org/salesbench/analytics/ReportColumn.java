package org.salesbench.analytics;

/**
 * One column of a report result.
 *
 * @param id       stable id, also the field name in JSON output
 * @param label    heading in the user's language
 * @param unit     what its values are
 * @param metricId the catalogue metric the column shows, or {@code null} for a dimension column
 */
public record ReportColumn(String id, String label, Unit unit, String metricId) {

    /** Whether this column is a dimension (what the rows are grouped by) rather than a figure. */
    public boolean isDimension() {
        return metricId == null;
    }
}
