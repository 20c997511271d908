package org.salesbench.analytics.output;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.function.Function;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.text.G2TextMeasurer;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextFragment;
import org.jfree.chart.text.TextLine;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;

/**
 * Category labels that never overlap one another or the bars, whatever the names and the size: before a chart is
 * drawn at a size, its category axis is laid out for that size.
 * <ul>
 * <li>Along a horizontal axis (bars, lines, months): level when every name fits its category's width, else turned 45°
 * when a line of text fits between two neighbours at that angle (cut short so the first stays in the picture), else
 * upright (90°); with still less room the names are left out and the bars' tooltips name them.</li>
 * <li>Along a vertical axis (the funnel's stages): as many lines as a stage's height holds (at most three), cut short
 * with an ellipsis; none when not even one line fits.</li>
 * </ul>
 * The full name of a category is its label's tooltip. JFreeChart itself keeps a label within the width it is given,
 * so choosing the position and the number of lines is enough; labels stay outside the plot, so they never cover a
 * bar.
 */
public final class ChartLabels {

    /** At most this many lines of a stage's name. */
    static final int MOST_LINES = 3;

    private ChartLabels() {
    }

    /** Lays out the category labels of {@code chart} (if it has a category axis) for a {@code width} x {@code height} drawing. */
    public static void fit(JFreeChart chart, int width, int height) {
        if (!(chart.getPlot() instanceof CategoryPlot plot) || width <= 0 || height <= 0) {
            return;
        }
        CategoryDataset data = plot.getDataset();
        CategoryAxis axis = plot.getDomainAxis();
        if (data == null || axis == null || data.getColumnCount() == 0) {
            return;
        }
        int n = data.getColumnCount();
        for (Object key : data.getColumnKeys()) {
            axis.addCategoryLabelToolTip((Comparable<?>) key, text(axis, (Comparable<?>) key));
        }
        boolean across = plot.getOrientation() == PlotOrientation.VERTICAL; // categories along the bottom
        axis.setTickLabelsVisible(true);
        axis.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        axis.setMaximumCategoryLabelLines(1);
        axis.setMaximumCategoryLabelWidthRatio(0f); // the position's own ratio
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            // a first layout tells how long the category axis is at this size
            ChartRenderingInfo info = new ChartRenderingInfo(null);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
            Rectangle2D area = info.getPlotInfo().getDataArea();
            double length = (across ? area.getWidth() : area.getHeight()) * (1 - axis.getLowerMargin() - axis.getUpperMargin());
            // the distance between two neighbouring categories' centres
            double spacing = length / n;
            FontMetrics metrics = g.getFontMetrics(axis.getTickLabelFont());
            double line = metrics.getHeight();
            if (across) {
                double categoryWidth = n > 1 ? length * (1 - axis.getCategoryMargin()) / n : length;
                double widest = 0;
                for (int i = 0; i < n; i++) {
                    widest = Math.max(widest, metrics.stringWidth(text(axis, data.getColumnKey(i))));
                }
                // a label turned 45° ends at its category and reaches down to the left: the first one must not leave the
                // picture, so labels are cut to the room left of the first category (JFreeChart's limit is a share of
                // the plot's height, and its ellipsis comes on top)
                double firstCentre = area.getMinX() + axis.getLowerMargin() * area.getWidth() + categoryWidth / 2;
                double longest = (firstCentre - 4) / Math.cos(Math.PI / 4) - metrics.stringWidth("..."); //$NON-NLS-1$
                if (widest <= 0.9 * categoryWidth) {
                    axis.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
                } else if (spacing * Math.sin(Math.PI / 4) >= 1.1 * line && longest >= 4 * line) {
                    axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
                    axis.setMaximumCategoryLabelWidthRatio((float) Math.min(0.5, longest / area.getHeight()));
                } else if (spacing >= 1.1 * line) {
                    axis.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
                } else {
                    axis.setTickLabelsVisible(false);
                }
            } else {
                int lines = (int) Math.floor(spacing / line);
                if (lines < 1) {
                    axis.setTickLabelsVisible(false);
                } else {
                    axis.setMaximumCategoryLabelLines(Math.min(MOST_LINES, lines));
                }
            }
        } finally {
            g.dispose();
        }
    }

    private static String text(CategoryAxis axis, Comparable<?> key) {
        return axis instanceof FiguredAxis figured ? figured.text(key) : String.valueOf(key);
    }

    /**
     * A category axis whose labels name the category and then its figure ("Proposal 30"): the funnel's figures stand
     * beside its stages, outside the plot, where they never cover a bar. A name too long for its room is cut short with
     * an ellipsis before the figure, so the figure always shows.
     */
    static final class FiguredAxis extends CategoryAxis {

        private static final long serialVersionUID = 1L;
        private final transient Function<Comparable<?>, String> figure;

        FiguredAxis(Function<Comparable<?>, String> figure) {
            this.figure = figure;
        }

        String text(Comparable<?> category) {
            return category + "\u2002" + figure.apply(category); //$NON-NLS-1$
        }

        @Override
        @SuppressWarnings("rawtypes")
        protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
            String value = "\u2002" + figure.apply(category); //$NON-NLS-1$
            G2TextMeasurer measurer = new G2TextMeasurer(g2);
            g2.setFont(getTickLabelFont(category));
            float valueWidth = measurer.getStringWidth(value, 0, value.length());
            float ellipsis = measurer.getStringWidth("...", 0, 3); //$NON-NLS-1$
            float room = Math.max(ellipsis * 2, width - valueWidth - ellipsis);
            TextBlock block = TextUtils.createTextBlock(category.toString(), getTickLabelFont(category), getTickLabelPaint(category), room,
                    getMaximumCategoryLabelLines(), measurer);
            TextLine last = block.getLastLine();
            if (last == null) {
                last = new TextLine();
                block.addLine(last);
            }
            last.addFragment(new TextFragment(value, getTickLabelFont(category), getTickLabelPaint(category)));
            return block;
        }
    }
}
