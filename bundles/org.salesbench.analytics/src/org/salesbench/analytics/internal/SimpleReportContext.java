package org.salesbench.analytics.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.salesbench.analytics.MetricCatalogue;
import org.salesbench.analytics.ReportContext;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.UnitOfWork;

/** The context the report service hands to reports, with the services reports may delegate to. */
public record SimpleReportContext(UnitOfWork unitOfWork, MetricCatalogue metrics, SecurityService security, Locale locale,
        Map<Class<?>, Object> services) implements ReportContext {

    @Override
    public <S> Optional<S> service(Class<S> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }
}
