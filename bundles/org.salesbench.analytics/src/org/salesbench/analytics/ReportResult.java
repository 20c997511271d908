package org.salesbench.analytics;

import java.util.List;

/**
 * What a report computed.
 *
 * @param reportId the report's id
 * @param title    the report's name in the user's language
 * @param filter   the filter it ran with
 * @param columns  its columns
 * @param rows     its rows; empty when there is no data for the filter
 * @param chart    how it is best drawn
 * @param currency the one currency of its money columns (ISO code); amounts in other currencies are
 *                 shown on rows of their own or left out, never summed with these
 * @param note     what users should know about the figures, in their language, e.g. how many deals in
 *                 other currencies were left out; {@code null} when there is nothing to say
 */
public record ReportResult(String reportId, String title, ReportFilter filter, List<ReportColumn> columns,
        List<ReportRow> rows, ChartKind chart, String currency, String note) {

    /** A result without a note. */
    public ReportResult(String reportId, String title, ReportFilter filter, List<ReportColumn> columns,
            List<ReportRow> rows, ChartKind chart, String currency) {
        this(reportId, title, filter, columns, rows, chart, currency, null);
    }

    public ReportResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Whether there is nothing to show for the filter. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The index of the column with this id, or -1. */
    public int columnIndex(String columnId) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).id().equals(columnId)) {
                return i;
            }
        }
        return -1;
    }
}
