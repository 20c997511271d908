package org.salesbench.analytics;

import java.util.Locale;
import java.util.Optional;

import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.UnitOfWork;

/** What a report runs with. */
public interface ReportContext {

    UnitOfWork unitOfWork();

    MetricCatalogue metrics();

    SecurityService security();

    /** The language of labels. */
    Locale locale();

    /**
     * Another module's service the report may delegate to, so a figure that module already defines
     * (e.g. the opportunities' weighted forecast) is not computed a second way; empty when unavailable.
     */
    default <S> Optional<S> service(Class<S> type) {
        return Optional.empty();
    }
}
