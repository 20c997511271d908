package org.salesbench.analytics.ui.internal;

import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Cursor;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.EntityCollection;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.output.ReportCharts;

/**
 * Shows a JFreeChart in SWT and lets people use it: the chart is drawn by Java2D into an image of the canvas's size
 * (again only when the size or the theme's colours change) together with JFreeChart's own record of what it drew where
 * ({@link ChartRenderingInfo}); the pointer is hit-tested against it. Over a bar, a point, a slice or a category's label
 * the canvas's tooltip is the one the chart's tooltip generators made (category, series, figure in the user's language
 * and currency); a click on one opens the records behind it, when the chart was given its report.
 */
public class ChartCanvas extends Canvas {

    private JFreeChart chart;
    private ReportResult result;
    private ChartKind kind;
    private Consumer<ReportRow> onDrill;
    private Image image;
    private Point imageSize;
    private RGB imageBackground;
    private ChartRenderingInfo info;
    private ChartEntity hovered;

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
        addListener(SWT.MouseMove, this::hover);
        addListener(SWT.MouseExit, e -> hoverOn(null));
        addListener(SWT.MouseUp, this::click);
        addDisposeListener(e -> disposeImage());
    }

    /** The background the chart is drawn on: the theme's (the parent's, which the CSS theme styles). */
    private RGB themeBackground() {
        return getParent().getBackground().getRGB();
    }

    /** A chart that only shows itself (no report behind it to open). */
    public void setChart(JFreeChart chart) {
        setChart(chart, null, null);
    }

    /**
     * The chart of {@code result} drawn as {@code kind}: a click on a bar, a point, a slice or a category's label hands
     * the row behind it to {@link #onDrill}.
     */
    public void setChart(JFreeChart chart, ReportResult result, ChartKind kind) {
        this.chart = chart;
        this.result = result;
        this.kind = kind;
        disposeImage();
        hoverOn(null);
        redraw();
    }

    /** What a click on a part of the chart with records behind it does with that part's report row. */
    public void onDrill(Consumer<ReportRow> action) {
        this.onDrill = action;
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Whether the chart has been drawn at the canvas's current size (tests wait for it). */
    public boolean isRendered() {
        Rectangle area = getClientArea();
        return image != null && imageSize.x == area.width && imageSize.y == area.height;
    }

    /** What the chart drew where, in the canvas's pixels, as last drawn; null before the first drawing. */
    public EntityCollection entities() {
        return info == null ? null : info.getEntityCollection();
    }

    /** The part of the chart under a point of the canvas that has a tooltip or records behind it, if any. */
    public Optional<ChartEntity> entityAt(int x, int y) {
        EntityCollection entities = entities();
        if (entities == null) {
            return Optional.empty();
        }
        // the last one added is on top (a bar over the plot's background)
        for (int i = entities.getEntityCount() - 1; i >= 0; i--) {
            ChartEntity entity = entities.getEntity(i);
            if (entity.getToolTipText() != null && entity.getArea().contains(x, y)) {
                return Optional.of(entity);
            }
        }
        return Optional.empty();
    }

    /** The report row behind a part of the chart, when it has records to open. */
    public Optional<ReportRow> rowAt(ChartEntity entity) {
        if (result == null || kind == null) {
            return Optional.empty();
        }
        return ReportCharts.rowAt(result, kind, entity).filter(row -> row.drillKey() != null);
    }

    private void hover(Event e) {
        hoverOn(entityAt(e.x, e.y).orElse(null));
    }

    private void hoverOn(ChartEntity entity) {
        if (entity == hovered || isDisposed()) {
            return;
        }
        hovered = entity;
        setToolTipText(entity == null ? null : entity.getToolTipText());
        boolean opens = entity != null && onDrill != null && rowAt(entity).isPresent();
        setCursor(opens ? getDisplay().getSystemCursor(SWT.CURSOR_HAND) : (Cursor) null);
    }

    private void click(Event e) {
        if (e.button != 1 || onDrill == null) {
            return;
        }
        entityAt(e.x, e.y).flatMap(this::rowAt).ifPresent(onDrill);
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
            ChartRenderingInfo drawn = new ChartRenderingInfo();
            image = new Image(getDisplay(), AwtImages.toImageData(ReportCharts.draw(chart, width, height, drawn)));
            info = drawn;
            imageSize = new Point(width, height);
            hovered = null;
        }
        return image;
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
        info = null;
    }
}
