package org.salesbench.analytics;

import java.util.Locale;

import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.UnitOfWork;

/** What a report runs with. */
public interface ReportContext {

    UnitOfWork unitOfWork();

    MetricCatalogue metrics();

    SecurityService security();

    /** The language of labels. */
    Locale locale();
}
