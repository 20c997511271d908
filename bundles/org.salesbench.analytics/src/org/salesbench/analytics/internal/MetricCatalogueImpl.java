package org.salesbench.analytics.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.salesbench.analytics.Metric;
import org.salesbench.analytics.MetricCatalogue;

/** The catalogue of {@link Metrics}, labelled in the user's language. */
@Component(service = MetricCatalogue.class)
public class MetricCatalogueImpl implements MetricCatalogue {

    @Override
    public List<Metric> metrics() {
        return Arrays.stream(Metrics.values()).map(Metrics::metric).toList();
    }

    @Override
    public Optional<Metric> metric(String id) {
        return Metrics.find(id).map(Metrics::metric);
    }
}
