package org.salesbench.analytics.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.jfree.chart.JFreeChart;
import org.salesbench.analytics.output.ReportCharts;

/**
 * Shows a JFreeChart in SWT: the chart is drawn by Java2D into an image of the canvas's size and converted; it is
 * drawn again only when the size changes.
 */
public class ChartCanvas extends Canvas {

    private JFreeChart chart;
    private Image image;
    private Point imageSize;
    private RGB imageBackground;

    public ChartCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        addPaintListener(e -> {
            Rectangle area = getClientArea();
            e.gc.setBackground(getParent().getBackground());
            e.gc.fillRectangle(area);
            Image current = imageFor(area.width, area.height);
            if (current != null) {
                e.gc.drawImage(current, 0, 0);
            }
        });
        addListener(SWT.Resize, e -> redraw());
        addDisposeListener(e -> disposeImage());
    }

    /** The background the chart is drawn on: the theme's (the parent's, which the CSS theme styles). */
    private RGB themeBackground() {
        return getParent().getBackground().getRGB();
    }

    public void setChart(JFreeChart chart) {
        this.chart = chart;
        disposeImage();
        redraw();
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Whether the chart has been drawn at the canvas's current size (tests wait for it). */
    public boolean isRendered() {
        Rectangle area = getClientArea();
        return image != null && imageSize.x == area.width && imageSize.y == area.height;
    }

    private Image imageFor(int width, int height) {
        if (chart == null || width < 8 || height < 8) {
            return null;
        }
        RGB background = themeBackground();
        if (image == null || imageSize.x != width || imageSize.y != height || !background.equals(imageBackground)) {
            disposeImage();
            ChartColours.follow(chart, background, getParent().getForeground().getRGB());
            imageBackground = background;
            image = new Image(getDisplay(), AwtImages.toImageData(ReportCharts.draw(chart, width, height)));
            imageSize = new Point(width, height);
        }
        return image;
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }
}
