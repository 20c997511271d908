package org.salesbench.analytics.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;
import org.salesbench.analytics.Metric;
import org.salesbench.analytics.MetricCatalogue;

/**
 * The catalogue of {@link Metrics}, labelled in the user's language, followed by the metrics modules define beside their
 * reports ({@link MetricContributions}).
 */
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
        return Stream.concat(Arrays.stream(Metrics.values()).map(m -> m.metric(l)), MetricContributions.all().stream()).toList();
    }

    @Override
    public Optional<Metric> metric(String id) {
        Optional<Metric> builtIn = Metrics.find(id).map(m -> m.metric(locale()));
        return builtIn.isPresent() ? builtIn : MetricContributions.all().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private Locale locale() {
        return locale == null ? Locale.getDefault() : locale;
    }
}
