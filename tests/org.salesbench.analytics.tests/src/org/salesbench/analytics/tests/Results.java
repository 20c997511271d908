package org.salesbench.analytics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.salesbench.analytics.DrillRecord;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;

/** Reading report results in tests: rows by their first column, values by column id. */
final class Results {

    private Results() {
    }

    static ReportRow row(ReportResult result, String label) {
        return result.rows().stream().filter(r -> Objects.equals(r.value(0), label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in " + labels(result)));
    }

    static List<Object> labels(ReportResult result) {
        return result.rows().stream().map(r -> r.value(0)).toList();
    }

    static Object value(ReportResult result, ReportRow row, String column) {
        int index = result.columnIndex(column);
        if (index < 0) {
            throw new AssertionError("no column " + column + " in " + result.columns());
        }
        return row.value(index);
    }

    static void assertMoney(String expected, Object actual) {
        assertNotNull(actual);
        assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual), () -> "expected " + expected + " but was " + actual);
    }

    static void assertPercent(double expected, Object actual) {
        assertNotNull(actual);
        assertEquals(expected, ((Number) actual).doubleValue(), 0.01);
    }

    static long count(Object value) {
        return ((Number) value).longValue();
    }

    static BigDecimal total(List<DrillRecord> records) {
        return records.stream().map(DrillRecord::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The money figure of {@code row} in {@code column} as a string with cents, for messages. */
    static String money(ReportResult result, ReportRow row, String column) {
        return ((BigDecimal) value(result, row, column)).toPlainString();
    }
}
