package org.salesbench.analytics;

import java.math.BigDecimal;

/**
 * One record behind a report row.
 *
 * @param entity {@code opportunity}, {@code customer} or {@code activity}
 * @param id     the record's id
 * @param label  what users call it (name or subject)
 * @param amount the amount it adds to the row's figure, or {@code null} when the figure is a count
 */
public record DrillRecord(String entity, long id, String label, BigDecimal amount) {
}
