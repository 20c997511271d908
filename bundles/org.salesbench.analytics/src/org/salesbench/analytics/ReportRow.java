package org.salesbench.analytics;

import java.util.Collections;
import java.util.List;

/**
 * One row of a report result.
 *
 * @param values   in column order: String, BigDecimal, Long, Double or LocalDate; {@code null} for "none"
 * @param drillKey identifies the row's group for {@link ReportService#drillDown}; {@code null} when the row
 *                 has no records behind it
 */
public record ReportRow(List<Object> values, String drillKey) {

    public ReportRow {
        // values may hold nulls, which List.copyOf refuses
        values = Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    public Object value(int column) {
        return values.get(column);
    }
}
