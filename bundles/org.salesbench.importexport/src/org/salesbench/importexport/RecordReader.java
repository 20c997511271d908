package org.salesbench.importexport;

import java.io.IOException;
import java.util.List;

/** The rows of a file, read one at a time so files of any size stream through. */
public interface RecordReader extends AutoCloseable {

    /** The column names of the first row (never empty; the reader refuses a file without one). */
    List<String> header();

    /** The next data row, or {@code null} at the end. Empty lines are skipped. */
    SourceRow next() throws IOException;

    @Override
    void close() throws IOException;
}
