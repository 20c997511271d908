package org.salesbench.analytics.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.IConfigurationElement;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.Report;
import org.salesbench.analytics.ReportDescriptor;
import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;

/** Reader of the extension point {@code org.salesbench.analytics.reports}. */
public final class ReportContributions {

    public static final String EXTENSION_POINT = "org.salesbench.analytics.reports";

    /** One contributed report; its class is created on first use, inside SafeRunner. */
    public record Contribution(ReportDescriptor descriptor, int order, LazyContribution<Report> report) {
    }

    private static final ExtensionRegistryReader<Contribution> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "report",
            ReportContributions::read,
            Comparator.comparingInt(Contribution::order).thenComparing(c -> c.descriptor().id()));

    private ReportContributions() {
    }

    public static List<Contribution> all() {
        return READER.descriptors();
    }

    public static Optional<Contribution> find(String id) {
        return all().stream().filter(c -> c.descriptor().id().equals(id)).findFirst();
    }

    private static Contribution read(IConfigurationElement e) {
        String id = ExtensionRegistryReader.requiredAttribute(e, "id");
        String name = ExtensionRegistryReader.requiredAttribute(e, "name");
        String description = e.getAttribute("description");
        List<String> metrics = new ArrayList<>();
        for (IConfigurationElement metric : e.getChildren("metric")) {
            metrics.add(ExtensionRegistryReader.requiredAttribute(metric, "ref"));
        }
        List<String> dimensions = new ArrayList<>();
        for (IConfigurationElement dimension : e.getChildren("dimension")) {
            dimensions.add(ExtensionRegistryReader.requiredAttribute(dimension, "name"));
        }
        String chart = e.getAttribute("chart");
        ChartKind kind = chart == null || chart.isBlank() ? ChartKind.TABLE : ChartKind.valueOf(chart.trim().toUpperCase(Locale.ROOT));
        ReportDescriptor descriptor = new ReportDescriptor(id, name, description == null ? "" : description, metrics, dimensions, kind,
                e.getContributor().getName());
        return new Contribution(descriptor, ExtensionRegistryReader.intAttribute(e, "order", 1000),
                new LazyContribution<>(e, "class", Report.class));
    }
}
