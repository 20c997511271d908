package org.salesbench.analytics.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.salesbench.analytics.Metric;
import org.salesbench.analytics.MetricCatalogue;

/** The catalogue of {@link Metrics}, labelled in the user's language. */
@Component(service = MetricCatalogue.class)
public class MetricCatalogueImpl implements MetricCatalogue {

    private final Locale locale;

    /** The catalogue in the default locale. */
    public MetricCatalogueImpl() {
        this(null);
    }

    /** The catalogue in {@code locale} ({@code null}: the default locale at each call). */
    public MetricCatalogueImpl(Locale locale) {
        this.locale = locale;
    }

    @Override
    public List<Metric> metrics() {
        Locale l = locale();
        return Arrays.stream(Metrics.values()).map(m -> m.metric(l)).toList();
    }

    @Override
    public Optional<Metric> metric(String id) {
        return Metrics.find(id).map(m -> m.metric(locale()));
    }

    private Locale locale() {
        return locale == null ? Locale.getDefault() : locale;
    }
}
