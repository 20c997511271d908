package org.salesbench.importexport;

import java.util.List;
import java.util.Optional;

/** A contributed format: id, label, the file extensions it reads, and the lazily created {@link DataFormat}. */
public interface FormatDescriptor {

    String id();

    String label();

    List<String> extensions();

    /** The format, created on first use; empty if the contribution is broken (logged). */
    Optional<DataFormat> format();
}
