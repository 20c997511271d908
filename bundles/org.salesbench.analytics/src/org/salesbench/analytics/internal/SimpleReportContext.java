package org.salesbench.analytics.internal;

import java.util.Locale;

import org.salesbench.analytics.MetricCatalogue;
import org.salesbench.analytics.ReportContext;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.UnitOfWork;

/** The context the report service hands to reports. */
public record SimpleReportContext(UnitOfWork unitOfWork, MetricCatalogue metrics, SecurityService security, Locale locale)
        implements ReportContext {
}
