package org.salesbench.analytics;

import java.util.List;

/**
 * A report as declared in a plugin.xml.
 *
 * @param id           the report's id, e.g. {@code won-revenue} (the CLI name)
 * @param name         its name in the user's language
 * @param description  what it shows, in the user's language
 * @param metricIds    the catalogue metrics it shows
 * @param dimensions   the values its {@link ReportFilter#by()} accepts; the first is the default
 * @param defaultChart how it is best drawn
 * @param contributor  the bundle that contributed it
 */
public record ReportDescriptor(String id, String name, String description, List<String> metricIds, List<String> dimensions,
        ChartKind defaultChart, String contributor) {

    public ReportDescriptor {
        metricIds = List.copyOf(metricIds);
        dimensions = List.copyOf(dimensions);
    }
}
