package org.salesbench.analytics.internal;

import java.time.LocalDate;

import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.UnitOfWork;

/** Writes the daily pipeline snapshot the pipeline trend report reads. */
final class PipelineSnapshots {

    private PipelineSnapshots() {
    }

    static int snapshot(UnitOfWork unitOfWork, SecurityService security, LocalDate day) {
        return 0;
    }
}
