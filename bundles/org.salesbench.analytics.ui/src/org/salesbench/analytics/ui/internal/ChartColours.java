package org.salesbench.analytics.ui.internal;

import java.awt.Color;
import java.awt.Paint;

import org.eclipse.swt.graphics.RGB;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.salesbench.analytics.output.ReportCharts;
import org.salesbench.ui.forms.Colours;

/**
 * A report chart in the workbench's theme: on a dark background its background, text, axes and grid lines follow the
 * theme and the series take the lighter twins of their colours ({@link ReportCharts#seriesColour}); on a light one it stays as the report's chart theme made it, white, as the PDF and PNG
 * exports show it.
 */
final class ChartColours {

    private static final Color LIGHT_TEXT = new Color(0x33, 0x33, 0x33);
    private static final Color LIGHT_GRID = new Color(0xDD, 0xDD, 0xDD);

    private ChartColours() {
    }

    /** Charts drawn dark: back on a light theme they are made light again. */
    private static final java.util.Set<JFreeChart> DARKENED = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    static void follow(JFreeChart chart, RGB background, RGB foreground) {
        boolean dark = Colours.isDark(background);
        if (!dark && !DARKENED.remove(chart)) {
            return; // as the report's chart theme made it
        }
        if (dark) {
            DARKENED.add(chart);
        }
        Color back = dark ? awt(background) : Color.WHITE;
        Color text = dark ? awt(foreground) : LIGHT_TEXT;
        Color grid = dark ? awt(Colours.mix(background, foreground, 0.25)) : LIGHT_GRID;
        chart.setBackgroundPaint(back);
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            title(chart.getSubtitle(i), back, text);
        }
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(text);
        }
        ReportCharts.applyPalette(chart, dark);
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(back);
        plot.setNoDataMessagePaint(text);
        if (plot instanceof CategoryPlot category) {
            axis(category.getDomainAxis(), text);
            axis(category.getRangeAxis(), text);
            category.setDomainGridlinePaint(grid);
            category.setRangeGridlinePaint(grid);
            if (category.getRenderer() != null) {
                category.getRenderer().setDefaultItemLabelPaint(text);
            }
        } else if (plot instanceof XYPlot xy) {
            axis(xy.getDomainAxis(), text);
            axis(xy.getRangeAxis(), text);
            xy.setDomainGridlinePaint(grid);
            xy.setRangeGridlinePaint(grid);
        } else if (plot instanceof PiePlot<?> pie) {
            pie.setLabelPaint(text);
            pie.setLabelBackgroundPaint(back);
            pie.setLabelOutlinePaint(grid);
            pie.setLabelShadowPaint(null);
            pie.setLabelLinkPaint(text);
        }
    }

    private static void title(Title title, Paint back, Color text) {
        if (title instanceof TextTitle t) {
            t.setPaint(text);
            t.setBackgroundPaint(null);
        } else if (title instanceof LegendTitle legend) {
            legend.setItemPaint(text);
            legend.setBackgroundPaint(back);
        }
    }

    private static void axis(Axis axis, Color text) {
        if (axis != null) {
            axis.setLabelPaint(text);
            axis.setTickLabelPaint(text);
            axis.setAxisLinePaint(text);
            axis.setTickMarkPaint(text);
        }
    }

    private static Color awt(RGB rgb) {
        return new Color(rgb.red, rgb.green, rgb.blue);
    }
}
