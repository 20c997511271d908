package org.salesbench.importexport;

import java.io.IOException;
import java.util.List;

/** Writes records: first {@link #begin} with the columns, then one {@link #write} per record. */
public interface RecordWriter extends AutoCloseable {

    /** A column: {@code name} is the target's field name, {@code label} what a person reads as header. */
    record Column(String name, String label) {
    }

    void begin(List<Column> columns) throws IOException;

    /** One record's values in the order of the columns ({@code null} for none). */
    void write(List<String> values) throws IOException;

    /**
     * One record's values with their types: {@link Number}s and {@link java.time.LocalDate}s stay numbers and
     * dates where the format has cell types (XLSX); formats of plain text write them as text, numbers without
     * exponent.
     */
    default void writeTyped(List<?> values) throws IOException {
        write(values.stream().map(RecordWriter::plainText).toList());
    }

    /** A value as a text format writes it: numbers in plain notation ({@code 12000000}, not {@code 1.2E7}). */
    static String plainText(Object value) {
        return switch (value) {
            case null -> null;
            case java.math.BigDecimal d -> d.toPlainString();
            case Double d when !d.isNaN() && !d.isInfinite() -> java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            case Float f when !f.isNaN() && !f.isInfinite() -> new java.math.BigDecimal(f.toString()).stripTrailingZeros().toPlainString();
            default -> value.toString();
        };
    }

    @Override
    void close() throws IOException;
}
