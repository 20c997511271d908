package org.salesbench.analytics.ui.internal;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PiePlot;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.output.ReportCharts;

/** The chart of a result as a tile or the report editor draws it. */
final class TileCharts {

    private TileCharts() {
    }

    /** {@code kind} as asked; a table (which has no chart) is drawn as bars, e.g. to print it. */
    static JFreeChart chart(ReportResult result, ChartKind kind) {
        return ReportCharts.chart(result, kind).or(() -> ReportCharts.chart(result, ChartKind.BAR)).orElseThrow();
    }

    /** How {@link #chart} draws {@code kind}: a table as bars. */
    static ChartKind drawnAs(ChartKind kind) {
        return kind == ChartKind.TABLE ? ChartKind.BAR : kind;
    }

    /** Like {@link #chart} without the chart's own title: the tile's header already names it. */
    static JFreeChart untitled(ReportResult result, ChartKind kind) {
        JFreeChart chart = chart(result, kind);
        chart.setTitle((String) null);
        if (chart.getPlot() instanceof PiePlot<?> pie && chart.getLegend() != null) {
            // in a tile the labels around a donut overlap; the legend names the sections
            pie.setLabelGenerator(null);
        }
        return chart;
    }
}
