package org.salesbench.analytics.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IConfigurationElement;
import org.salesbench.analytics.Metric;
import org.salesbench.analytics.Unit;
import org.salesbench.core.registry.ExtensionRegistryReader;

/**
 * Reader of the {@code metricDefinition} elements of {@code org.salesbench.analytics.reports}: the metrics a module's
 * reports compute over its own tables (contracts' collected revenue, say), defined once in the catalogue beside the
 * built-in {@link Metrics}. Their label and definition are the plugin.xml's, translated by its localization.
 */
public final class MetricContributions {

    private static final ExtensionRegistryReader<Metric> READER = new ExtensionRegistryReader<>(ReportContributions.EXTENSION_POINT,
            "metricDefinition", MetricContributions::read, Comparator.comparing(Metric::id));

    private MetricContributions() {
    }

    /** The contributed metrics, leaving out any that would redefine a built-in one. */
    public static List<Metric> all() {
        return READER.descriptors().stream().filter(m -> Metrics.find(m.id()).isEmpty()).toList();
    }

    private static Metric read(IConfigurationElement e) {
        String unit = ExtensionRegistryReader.requiredAttribute(e, "unit");
        String definition = e.getAttribute("definition");
        return new Metric(ExtensionRegistryReader.requiredAttribute(e, "id"), ExtensionRegistryReader.requiredAttribute(e, "label"),
                definition == null ? "" : definition, Unit.valueOf(unit.trim().toUpperCase(Locale.ROOT)));
    }
}
