package org.salesbench.analytics.dashboards.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IConfigurationElement;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.dashboards.DashboardTile;
import org.salesbench.analytics.internal.ReportContributions;
import org.salesbench.core.registry.ExtensionRegistryReader;

/**
 * Reader of the {@code dashboardTile} elements of {@code org.salesbench.analytics.reports}: tiles a module adds to a
 * shipped dashboard (contracts' collected revenue on the manager's and the rep's), made after the built-in ones. The
 * title is the plugin.xml's, translated by its localization.
 */
final class DashboardTileContributions {

    /** One contributed tile. */
    record Contribution(String dashboard, String report, String title, ChartKind chart, String metric, String by, int span, int order) {

        /** What names the contribution in a dashboard's record of those it was given. */
        String key() {
            return report + "/" + (metric == null ? "" : metric) + "/" + (by == null ? "" : by);
        }

        /** Whether {@code tile} shows what this contribution does (the same report, metric and grouping). */
        boolean shownBy(DashboardTile tile) {
            return report.equals(tile.getReportId()) && java.util.Objects.equals(metric, tile.getMetricId()) && java.util.Objects.equals(by, tile.getBy());
        }

        DashboardTile tile() {
            DashboardTile t = new DashboardTile(report, title, chart);
            t.setMetricId(metric);
            t.setBy(by);
            t.setColSpan(span);
            return t;
        }
    }

    private static final ExtensionRegistryReader<Contribution> READER = new ExtensionRegistryReader<>(ReportContributions.EXTENSION_POINT,
            "dashboardTile", DashboardTileContributions::read, Comparator.comparingInt(Contribution::order).thenComparing(Contribution::report));

    private DashboardTileContributions() {
    }

    /** The tiles contributed to the shipped dashboard {@code template} ({@code sales} or {@code manager}), in order. */
    static List<DashboardTile> forDashboard(String template) {
        return READER.descriptors().stream().filter(c -> c.dashboard().equals(template)).map(Contribution::tile).toList();
    }

    /** The contributions to the shipped dashboard {@code template}, in order. */
    static List<Contribution> contributions(String template) {
        return READER.descriptors().stream().filter(c -> c.dashboard().equals(template)).toList();
    }

    private static Contribution read(IConfigurationElement e) {
        String chart = e.getAttribute("chart");
        return new Contribution(ExtensionRegistryReader.requiredAttribute(e, "dashboard").trim(), ExtensionRegistryReader.requiredAttribute(e, "report"),
                ExtensionRegistryReader.requiredAttribute(e, "title"), chart == null ? ChartKind.KPI : ChartKind.valueOf(chart.trim().toUpperCase(Locale.ROOT)),
                e.getAttribute("metric"), e.getAttribute("by"), ExtensionRegistryReader.intAttribute(e, "span", 1),
                ExtensionRegistryReader.intAttribute(e, "order", 1000));
    }
}
