package org.salesbench.importexport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A file format records are read from and written to, contributed through the extension point
 * {@code org.salesbench.importexport.formats}. A format turns a file into a header and rows of text
 * values; mapping, conversion and validation are the engine's and the target's work.
 */
public interface DataFormat {

    /**
     * Opens a file for reading.
     *
     * @throws ImportException with a message for the user when the file cannot be read as this format
     */
    RecordReader open(Path file, ReadOptions options) throws IOException;

    /** Starts writing records to {@code out}; the writer closes {@code out} when it is closed. */
    RecordWriter create(OutputStream out, WriteOptions options) throws IOException;
}
