package org.salesbench.analytics.ui.internal;

import java.math.BigDecimal;

import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.salesbench.analytics.Unit;
import org.salesbench.analytics.dashboards.TileResult.Kpi;

/** A KPI drawn big: the figure in the middle, below it the trend against the previous period. */
public class KpiCanvas extends Canvas {

    private final LocalResourceManager resources;
    private final Font bigFont;
    private final Color up;
    private final Color down;
    private Kpi kpi;

    public KpiCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        resources = new LocalResourceManager(JFaceResources.getResources(), this);
        FontDescriptor base = FontDescriptor.createFrom(JFaceResources.getDefaultFont());
        bigFont = resources.create(base.setHeight(base.getFontData()[0].getHeight() * 3).setStyle(SWT.BOLD));
        up = resources.create(org.eclipse.jface.resource.ColorDescriptor.createFrom(new RGB(0x2e, 0x7d, 0x32)));
        down = resources.create(org.eclipse.jface.resource.ColorDescriptor.createFrom(new RGB(0xc6, 0x28, 0x28)));
        setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        addPaintListener(e -> paint(e.gc));
    }

    public void setKpi(Kpi kpi) {
        this.kpi = kpi;
        redraw();
    }

    /** The figure as drawn (tests read it). */
    public String figureText() {
        if (kpi == null || kpi.value() == null) {
            return ""; //$NON-NLS-1$
        }
        if (kpi.unit() == Unit.MONEY) {
            return Figures.compactMoney(kpi.value(), kpi.currency());
        }
        return Figures.format(kpi.value(), kpi.unit(), kpi.currency());
    }

    /** The trend line as drawn, e.g. "▲ 12.5 % vs previous period". */
    public String trendText() {
        if (kpi == null || kpi.value() == null) {
            return ""; //$NON-NLS-1$
        }
        BigDecimal change = kpi.changePercent();
        if (kpi.previous() == null) {
            return Messages.Kpi_noPrevious;
        }
        String arrow = kpi.trend() > 0 ? "▲" : kpi.trend() < 0 ? "▼" : "■"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        String before = kpi.unit() == Unit.MONEY ? Figures.compactMoney(kpi.previous(), kpi.currency())
                : Figures.format(kpi.previous(), kpi.unit(), kpi.currency());
        if (change == null) {
            return NLS.bind(Messages.Kpi_trendNoChange, arrow, before);
        }
        String signed = (change.signum() > 0 ? "+" : "") + change.toPlainString(); //$NON-NLS-1$ //$NON-NLS-2$
        return NLS.bind(Messages.Kpi_trend, new Object[] { arrow, signed, before });
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        if (kpi == null || kpi.value() == null) {
            return;
        }
        gc.setFont(bigFont);
        String figure = figureText();
        Point size = gc.textExtent(figure);
        int y = Math.max(0, area.height / 2 - size.y + 4);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        gc.drawText(figure, Math.max(4, (area.width - size.x) / 2), y, true);
        gc.setFont(getFont());
        String trend = trendText();
        Point trendSize = gc.textExtent(trend);
        // more is better, except for days (a longer sales cycle is worse)
        int better = kpi.unit() == Unit.DAYS ? -kpi.trend() : kpi.trend();
        gc.setForeground(better > 0 ? up : better < 0 ? down : getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.drawText(trend, Math.max(4, (area.width - trendSize.x) / 2), y + size.y + 6, true);
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        return new Point(wHint == SWT.DEFAULT ? 200 : wHint, hHint == SWT.DEFAULT ? 110 : hHint);
    }
}
