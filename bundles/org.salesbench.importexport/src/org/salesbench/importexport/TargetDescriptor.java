package org.salesbench.importexport;

import java.util.Optional;

/** A contributed target: id (e.g. {@code customers}), label, order, and the lazily created {@link ImportTarget}. */
public interface TargetDescriptor {

    String id();

    String label();

    int order();

    /** The target, created on first use; empty if the contribution is broken (logged). */
    Optional<ImportTarget> target();
}
