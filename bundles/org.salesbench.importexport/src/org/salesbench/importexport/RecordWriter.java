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

    @Override
    void close() throws IOException;
}
