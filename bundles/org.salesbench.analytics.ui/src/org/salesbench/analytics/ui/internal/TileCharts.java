package org.salesbench.analytics.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PiePlot;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.charts.ReportCharts;

/** The chart of a result as a tile or the report editor draws it. */
final class TileCharts {

    private TileCharts() {
    }

    /** {@code kind} as asked; a table (which has no chart) is drawn as bars, e.g. to print it. */
    static JFreeChart chart(ReportResult result, ChartKind kind) {
        ReportResult shown = kind == ChartKind.FUNNEL ? stagesDown(result) : result;
        return ReportCharts.chart(shown, kind).or(() -> ReportCharts.chart(shown, ChartKind.BAR)).orElseThrow();
    }

    /**
     * A funnel reads down its stages. The funnel report's rows are grouped by pipeline, then stage; drawn as they
     * are, the pipelines would be the bars and the stages a legend of colours. So the two group columns become one
     * (the stage, or "pipeline · stage" when several pipelines are shown); the figures are untouched.
     */
    static ReportResult stagesDown(ReportResult result) {
        List<Integer> groups = new ArrayList<>();
        for (int i = 0; i < result.columns().size(); i++) {
            if (result.columns().get(i).isDimension()) {
                groups.add(i);
            }
        }
        if (groups.size() != 2) {
            return result;
        }
        int outer = groups.get(0);
        int inner = groups.get(1);
        long outerValues = result.rows().stream().map(r -> String.valueOf(r.value(outer))).distinct().count();
        List<ReportColumn> columns = new ArrayList<>(result.columns());
        columns.remove(outer);
        List<ReportRow> rows = new ArrayList<>();
        for (ReportRow row : result.rows()) {
            List<Object> values = new ArrayList<>(row.values());
            Object stage = values.get(inner);
            values.set(inner, outerValues > 1 ? row.value(outer) + " · " + stage : stage); //$NON-NLS-1$
            values.remove(outer);
            rows.add(new ReportRow(values, row.drillKey()));
        }
        return new ReportResult(result.reportId(), result.title(), result.filter(), columns, rows, result.chart(), result.currency(),
                result.note());
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
