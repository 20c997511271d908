package org.salesbench.analytics;

import java.util.List;
import java.util.Optional;

/**
 * The metrics the reports show, each defined once. Reports compute a metric only through the
 * catalogue's definition, so two reports never compute the same figure two ways. An OSGi service.
 */
public interface MetricCatalogue {

    /** Every metric, in catalogue order, labelled in the user's language. */
    List<Metric> metrics();

    /** The metric with this id, or empty. */
    Optional<Metric> metric(String id);
}
