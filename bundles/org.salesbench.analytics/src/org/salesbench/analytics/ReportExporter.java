package org.salesbench.analytics;

import java.io.OutputStream;

/** Writes a report result to a file format. An OSGi service. */
public interface ReportExporter {

    /**
     * Writes {@code result} as {@code format} to {@code out}; does not close it.
     *
     * @throws java.io.UncheckedIOException when {@code out} cannot be written
     */
    void export(ReportResult result, ReportFormat format, OutputStream out);
}
