package org.salesbench.analytics.output;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.CategoryLabelEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.PieSectionEntity;
import org.jfree.chart.labels.CategoryToolTipGenerator;
import org.jfree.chart.labels.PieToolTipGenerator;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.RingPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.ReportValues;
import org.salesbench.analytics.Unit;
import org.salesbench.analytics.output.internal.Messages;
import org.eclipse.osgi.util.NLS;
import org.salesbench.documents.CjkFontFile;
import org.salesbench.documents.DocumentException;

/**
 * Turns a {@link ReportResult} into a JFreeChart chart of its {@link ChartKind}, drawn with the CJK font the PDFs
 * embed, so Chinese names read the same in the workbench, in a PNG and in a PDF. Pure Java2D: works with
 * {@code java.awt.headless=true}.
 * <p>
 * How a result maps to a chart: the first text column without a metric is the category (a stage, a month, an owner);
 * a second such column, if any, makes the series (a forecast category); otherwise each figure column with the
 * first figure's unit is a series (money is never drawn on the axis of counts).
 * <ul>
 * <li>KPI: the first figure of the first row, big, with its column's label;</li>
 * <li>BAR, LINE: categories along the axis in row order;</li>
 * <li>PIE: a donut of the first figure per category;</li>
 * <li>FUNNEL: horizontal bars of the stages (the last grouping column), in row order from the top;</li>
 * <li>TABLE: no chart.</li>
 * </ul>
 * Thread-safe; every call builds a new chart.
 */
public final class ReportCharts {

    /** Series colours with a contrast of at least 3:1 on white (and on a light grey window). */
    private static final Color[] SERIES = { new Color(0x2F6DB5), new Color(0xC26A12), new Color(0x3A8A57),
            new Color(0xC7433F), new Color(0x8A63B8), new Color(0x2A8794), new Color(0x977022), new Color(0x6E6E6E) };
    /** The same hues, lighter: at least 3:1 on a dark theme's background (#1E1E1E to #3B3B3B). */
    private static final Color[] DARK_SERIES = { new Color(0x6FA8EE), new Color(0xF0A050), new Color(0x6CC48A),
            new Color(0xF07C74), new Color(0xB595E6), new Color(0x5CC8D6), new Color(0xD9B45A), new Color(0xADADAD) };
    private static volatile Font baseFont;

    private ReportCharts() {
    }

    /** The colour of the {@code index}th series (or slice) on a light or a dark background: the same hue on both. */
    public static Color seriesColour(int index, boolean dark) {
        Color[] palette = dark ? DARK_SERIES : SERIES;
        return palette[Math.floorMod(index, palette.length)];
    }

    /** Colours a chart's series (or slices) with the palette for a light or a dark background. */
    public static void applyPalette(JFreeChart chart, boolean dark) {
        if (chart.getPlot() instanceof CategoryPlot plot && plot.getRenderer() != null) {
            int series = plot.getDataset() == null ? 0 : plot.getDataset().getRowCount();
            for (int i = 0; i < series; i++) {
                plot.getRenderer().setSeriesPaint(i, seriesColour(i, dark));
            }
        } else if (chart.getPlot() instanceof PiePlot<?> pie && pie.getDataset() != null) {
            for (int i = 0; i < pie.getDataset().getItemCount(); i++) {
                pie.setSectionPaint(pie.getDataset().getKey(i), seriesColour(i, dark));
            }
        }
    }

    /** The chart of the result's own kind; empty for {@link ChartKind#TABLE}. */
    public static Optional<JFreeChart> chart(ReportResult result) {
        return chart(result, result.chart());
    }

    /** The result drawn as {@code kind} (a dashboard tile may show a report another way); empty for TABLE. */
    public static Optional<JFreeChart> chart(ReportResult result, ChartKind kind) {
        Locale locale = Locale.getDefault();
        JFreeChart chart = switch (kind) {
            case TABLE -> null;
            case KPI -> kpi(result, locale);
            case BAR -> categoryChart(result, false, PlotOrientation.VERTICAL, locale);
            case LINE -> categoryChart(result, true, PlotOrientation.VERTICAL, locale);
            case FUNNEL -> funnel(result, locale);
            case PIE -> pie(result, locale);
        };
        if (chart == null) {
            return Optional.empty();
        }
        theme().apply(chart);
        applyPalette(chart, false); // after the theme, which puts JFreeChart's own colours (yellow on white) back
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (kind == ChartKind.KPI) {
            // the theme sets every title to one font: the figure is the point of a KPI, so it is big
            TextTitle figure = (TextTitle) chart.getSubtitle(0);
            figure.setFont(font(Font.BOLD, 30));
        }
        return Optional.of(chart);
    }

    /** Draws the result's chart (of its own kind) on an image; empty for TABLE. */
    public static Optional<BufferedImage> render(ReportResult result, int width, int height) {
        return chart(result).map(chart -> draw(chart, width, height));
    }

    /** The result's chart as a PNG of {@code width} x {@code height} pixels; empty for TABLE. */
    public static Optional<byte[]> renderPng(ReportResult result, int width, int height) {
        return render(result, width, height).map(ReportCharts::png);
    }

    /** Draws any chart on a new RGB image, its labels fitted to the size ({@link ChartLabels#fit}). */
    public static BufferedImage draw(JFreeChart chart, int width, int height) {
        return draw(chart, width, height, null);
    }

    /**
     * Draws any chart on a new RGB image, its labels fitted to the size ({@link ChartLabels#fit}); {@code info}, if
     * not null, receives what was drawn where (the bars', slices' and labels' entities with their tooltips), in the
     * image's pixels, for hit tests.
     */
    public static BufferedImage draw(JFreeChart chart, int width, int height, ChartRenderingInfo info) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("chart size must be positive: " + width + " x " + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            ChartLabels.fit(chart, width, height);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
        } finally {
            g.dispose();
        }
        return image;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return out.toByteArray();
    }

    /**
     * The font charts draw with, at a style and size: the CJK font of the documents module (so Chinese is never
     * drawn as empty boxes), or the logical sans-serif font if no CJK font can be found.
     */
    public static Font font(int style, float size) {
        Font base = baseFont;
        if (base == null) {
            synchronized (ReportCharts.class) {
                base = baseFont;
                if (base == null) {
                    base = loadBaseFont();
                    baseFont = base;
                }
            }
        }
        return base.deriveFont(style, size);
    }

    private static Font loadBaseFont() {
        try {
            Font[] faces = Font.createFonts(new ByteArrayInputStream(CjkFontFile.bytes()));
            for (Font face : faces) {
                if (CjkFontFile.PREFERRED_FACE.equals(face.getPSName())) {
                    return face;
                }
            }
            for (Font face : faces) {
                if (face.canDisplay('中')) {
                    return face;
                }
            }
        } catch (DocumentException | IOException | FontFormatException e) {
            // fall through: charts still draw, Chinese may not
            org.eclipse.core.runtime.ILog.of(ReportCharts.class).warn("No CJK font for charts: " + e.getMessage(), e);
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("Salesbench");
        theme.setExtraLargeFont(font(Font.BOLD, 15));
        theme.setLargeFont(font(Font.BOLD, 12));
        theme.setRegularFont(font(Font.PLAIN, 11));
        theme.setSmallFont(font(Font.PLAIN, 9));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDDDDDD));
        theme.setRangeGridlinePaint(new Color(0xDDDDDD));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        return theme;
    }

    // ---- the shape of the data

    /**
     * Columns without a metric that name the groups (a stage, an owner, a month): text columns; date columns only
     * when there is no text one, since a date beside a name is a detail of the row (a first close date), not a group.
     */
    private static List<Integer> dimensions(ReportResult result) {
        List<Integer> names = new ArrayList<>();
        List<Integer> dates = new ArrayList<>();
        for (int i = 0; i < result.columns().size(); i++) {
            ReportColumn column = result.columns().get(i);
            if (column.isDimension() && !ReportValues.isFigure(column)) {
                (column.unit() == Unit.DATE ? dates : names).add(i);
            }
        }
        return names.isEmpty() ? dates : names;
    }

    /** Figure columns with the unit of the first figure column. */
    private static List<Integer> figures(ReportResult result) {
        List<Integer> figures = new ArrayList<>();
        ReportColumn first = null;
        for (int i = 0; i < result.columns().size(); i++) {
            ReportColumn column = result.columns().get(i);
            if (ReportValues.isFigure(column) && (first == null || first.unit() == column.unit())) {
                first = first == null ? column : first;
                figures.add(i);
            }
        }
        return figures;
    }

    private static Object value(ReportRow row, int column) {
        return column < row.values().size() ? row.values().get(column) : null;
    }

    private static String label(ReportRow row, List<Integer> columns, Locale locale, ReportResult result) {
        List<String> parts = new ArrayList<>();
        for (int c : columns) {
            parts.add(ReportValues.format(value(row, c), result.columns().get(c).unit(), locale));
        }
        String label = String.join(" · ", parts);
        return label.isBlank() ? Messages.Chart_none : label;
    }

    private static String title(ReportResult result) {
        return result.title() == null ? result.reportId() : result.title();
    }

    // ---- the kinds

    private static JFreeChart kpi(ReportResult result, Locale locale) {
        List<Integer> figures = figures(result);
        String figure = Messages.Chart_noData;
        String caption = "";
        if (!figures.isEmpty() && !result.rows().isEmpty()) {
            int column = figures.get(0);
            ReportColumn c = result.columns().get(column);
            figure = ReportValues.format(value(result.rows().get(0), column), c.unit(), locale);
            if (figure.isEmpty()) {
                figure = "–";
            }
            caption = ReportValues.header(c, result);
        }
        PiePlot<String> empty = new PiePlot<String>(new DefaultPieDataset<String>());
        empty.setNoDataMessage(null);
        empty.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(title(result), JFreeChart.DEFAULT_TITLE_FONT, empty, false);
        TextTitle big = new TextTitle(figure);
        big.setPosition(RectangleEdge.TOP);
        big.setVerticalAlignment(VerticalAlignment.CENTER);
        big.setPadding(new RectangleInsets(12, 4, 4, 4));
        chart.addSubtitle(0, big);
        TextTitle under = new TextTitle(caption);
        under.setPosition(RectangleEdge.TOP);
        under.setHorizontalAlignment(HorizontalAlignment.CENTER);
        chart.addSubtitle(1, under);
        return chart;
    }

    private static DefaultCategoryDataset categories(ReportResult result, Locale locale) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Integer> dims = dimensions(result);
        List<Integer> figures = figures(result);
        if (figures.isEmpty()) {
            return data;
        }
        for (ReportRow row : result.rows()) {
            if (dims.size() >= 2) {
                // the second grouping column makes the series (a forecast category, a stage)
                String category = label(row, dims.subList(0, 1), locale, result);
                String series = label(row, dims.subList(1, dims.size()), locale, result);
                add(data, value(row, figures.get(0)), series, category);
            } else {
                String category = label(row, dims, locale, result);
                for (int f : figures) {
                    add(data, value(row, f), ReportValues.header(result.columns().get(f), result), category);
                }
            }
        }
        if (!dims.isEmpty() && isMonthColumn(result, dims.get(0))) {
            Unit unit = result.columns().get(figures.get(0)).unit();
            // an empty month of a sum or a count is a zero; of an average or a share it has no value (no bar, no point)
            boolean zero = unit == Unit.MONEY || unit == Unit.COUNT;
            return MonthAxis.fill(data, result.filter() == null ? null : result.filter().from(),
                    result.filter() == null ? null : result.filter().to(), zero);
        }
        return data;
    }

    /** Whether a grouping column holds months ({@code 2026-03}): its id says so, or every value is one. */
    private static boolean isMonthColumn(ReportResult result, int column) {
        if ("month".equals(result.columns().get(column).id())) { //$NON-NLS-1$
            return true;
        }
        boolean any = false;
        for (ReportRow row : result.rows()) {
            Object value = value(row, column);
            if (value != null) {
                if (!(value instanceof String text) || MonthAxis.month(text) == null) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** A figure of a chart's dataset as users read it: by its column's unit, money in the result's currency. */
    static String formatFigure(Number value, Unit unit, String currency, Locale locale) {
        if (value == null) {
            return "–"; //$NON-NLS-1$
        }
        if (unit == Unit.MONEY && currency != null && !currency.isBlank()) {
            try {
                NumberFormat money = NumberFormat.getCurrencyInstance(locale);
                money.setCurrency(Currency.getInstance(currency));
                return money.format(value.doubleValue());
            } catch (IllegalArgumentException e) {
                return ReportValues.format(value, unit, locale) + " " + currency; //$NON-NLS-1$
            }
        }
        return ReportValues.format(value, unit, locale);
    }

    /** The unit of the figures a category chart draws (the first figure column's). */
    private static Unit figureUnit(ReportResult result) {
        List<Integer> figures = figures(result);
        return figures.isEmpty() ? Unit.COUNT : result.columns().get(figures.get(0)).unit();
    }

    /** Tooltips naming a bar's or point's category, its series when there are several, and its formatted figure. */
    private static CategoryToolTipGenerator tooltips(ReportResult result, Locale locale) {
        Unit unit = figureUnit(result);
        return (dataset, series, category) -> {
            String figure = formatFigure(dataset.getValue(series, category), unit, result.currency(), locale);
            return NLS.bind(Messages.Chart_tooltip, new Object[] { dataset.getColumnKey(category), dataset.getRowKey(series), figure });
        };
    }

    // ---- from what was clicked to the row behind it

    /**
     * The report row behind what a chart of {@code result} drawn as {@code kind} shows at an entity: a bar, a point,
     * a slice, or a category's label on the axis. Empty for anything else (the title, the plot's background) and for a
     * month the chart added as a zero.
     */
    public static Optional<ReportRow> rowAt(ReportResult result, ChartKind kind, ChartEntity entity) {
        Comparable<?> series = null;
        Comparable<?> category;
        if (entity instanceof CategoryItemEntity item) {
            series = item.getRowKey();
            category = item.getColumnKey();
        } else if (entity instanceof CategoryLabelEntity label) {
            category = label.getKey();
        } else if (entity instanceof PieSectionEntity section) {
            category = section.getSectionKey();
        } else {
            return Optional.empty();
        }
        Locale locale = Locale.getDefault();
        List<Integer> dims = dimensions(result);
        List<Integer> naming = kind == ChartKind.FUNNEL ? stageNaming(result, dims, locale) : null;
        for (ReportRow row : result.rows()) {
            String rowCategory;
            String rowSeries = null;
            if (kind == ChartKind.FUNNEL) {
                rowCategory = label(row, naming, locale, result);
            } else if (kind == ChartKind.PIE || dims.size() < 2) {
                rowCategory = label(row, dims, locale, result);
            } else {
                rowCategory = label(row, dims.subList(0, 1), locale, result);
                rowSeries = label(row, dims.subList(1, dims.size()), locale, result);
            }
            if (rowCategory.equals(category.toString())
                    && (series == null || rowSeries == null || rowSeries.equals(series.toString()))) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    private static void add(DefaultCategoryDataset data, Object value, String series, String category) {
        if (value instanceof Number n) {
            Number before = data.getRowIndex(series) >= 0 && data.getColumnIndex(category) >= 0 ? data.getValue(series, category) : null;
            data.setValue(before == null ? n.doubleValue() : before.doubleValue() + n.doubleValue(), series, category);
        }
    }

    private static JFreeChart categoryChart(ReportResult result, boolean line, PlotOrientation orientation, Locale locale) {
        DefaultCategoryDataset data = categories(result, locale);
        CategoryPlot plot = new CategoryPlot();
        plot.setDataset(data);
        plot.setOrientation(orientation);
        plot.setDomainAxis(new org.jfree.chart.axis.CategoryAxis());
        NumberAxis range = new NumberAxis();
        range.setNumberFormatOverride(NumberFormat.getNumberInstance(locale));
        plot.setRangeAxis(range);
        plot.setNoDataMessage(Messages.Chart_noData);
        if (line) {
            LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
            colour(renderer, data.getRowCount());
            plot.setRenderer(renderer);
        } else {
            BarRenderer renderer = new BarRenderer();
            renderer.setMaximumBarWidth(0.12);
            colour(renderer, data.getRowCount());
            plot.setRenderer(renderer);
        }
        plot.getRenderer().setDefaultToolTipGenerator(tooltips(result, locale));
        if (data.getColumnCount() > 6 && orientation == PlotOrientation.VERTICAL) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return new JFreeChart(title(result), JFreeChart.DEFAULT_TITLE_FONT, plot, data.getRowCount() > 1);
    }

    private static void colour(org.jfree.chart.renderer.category.AbstractCategoryItemRenderer renderer, int series) {
        for (int i = 0; i < series; i++) {
            renderer.setSeriesPaint(i, seriesColour(i, false));
        }
    }

    /**
     * One bar per stage, in row order from the top. The stages are the last grouping column; the ones before it
     * (the pipeline) are only named when the result holds more than one.
     */
    private static DefaultCategoryDataset stages(ReportResult result, Locale locale) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Integer> dims = dimensions(result);
        List<Integer> figures = figures(result);
        if (figures.isEmpty() || dims.isEmpty()) {
            return data;
        }
        List<Integer> naming = stageNaming(result, dims, locale);
        String series = ReportValues.header(result.columns().get(figures.get(0)), result);
        for (ReportRow row : result.rows()) {
            add(data, value(row, figures.get(0)), series, label(row, naming, locale, result));
        }
        return data;
    }

    /** The columns that name a funnel's stages: the stage alone, or with its pipeline when the result holds several. */
    private static List<Integer> stageNaming(ReportResult result, List<Integer> dims, Locale locale) {
        if (dims.isEmpty()) {
            return dims;
        }
        List<Integer> outer = dims.subList(0, dims.size() - 1);
        boolean oneOuter = result.rows().stream().map(row -> label(row, outer, locale, result)).distinct().count() <= 1;
        return oneOuter ? dims.subList(dims.size() - 1, dims.size()) : dims;
    }

    private static JFreeChart funnel(ReportResult result, Locale locale) {
        JFreeChart chart = categoryChart(result, false, PlotOrientation.HORIZONTAL, locale);
        chart.getCategoryPlot().setDataset(stages(result, locale));
        chart.removeLegend();
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setMaximumBarWidth(0.8);
        renderer.setItemMargin(0);
        // each stage's figure beside its name, outside the plot: a label at a bar's end covered the next bars
        Unit unit = figureUnit(result);
        CategoryPlot stages = plot;
        ChartLabels.FiguredAxis axis = new ChartLabels.FiguredAxis(category -> {
            CategoryDataset data = stages.getDataset();
            Number value = data.getRowCount() == 0 || data.getColumnIndex(category) < 0 ? null : data.getValue(0, data.getColumnIndex(category));
            return formatFigure(value, unit, null, locale);
        });
        axis.setCategoryMargin(0.15);
        plot.setDomainAxis(axis);
        return chart;
    }

    private static JFreeChart pie(ReportResult result, Locale locale) {
        DefaultPieDataset<String> data = new DefaultPieDataset<>();
        List<Integer> dims = dimensions(result);
        List<Integer> figures = figures(result);
        if (!figures.isEmpty()) {
            for (ReportRow row : result.rows()) {
                if (value(row, figures.get(0)) instanceof Number n && n.doubleValue() > 0) {
                    String key = label(row, dims, locale, result);
                    Number before = data.getIndex(key) >= 0 ? data.getValue(key) : null;
                    data.setValue(key, before == null ? n.doubleValue() : before.doubleValue() + n.doubleValue());
                }
            }
        }
        RingPlot plot = new RingPlot(data);
        plot.setSectionDepth(0.45);
        plot.setSeparatorsVisible(false);
        plot.setOutlineVisible(false);
        plot.setNoDataMessage(Messages.Chart_noData);
        plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0} {2}", NumberFormat.getNumberInstance(locale),
                NumberFormat.getPercentInstance(locale)));
        for (int i = 0; i < data.getItemCount(); i++) {
            plot.setSectionPaint(data.getKey(i), seriesColour(i, false));
        }
        Unit unit = figureUnit(result);
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(1);
        PieToolTipGenerator tooltip = (dataset, key) -> {
            Number value = dataset.getValue(key);
            double total = 0;
            for (int i = 0; i < dataset.getItemCount(); i++) {
                Number v = dataset.getValue(i);
                total += v == null ? 0 : v.doubleValue();
            }
            String share = total > 0 && value != null ? percent.format(value.doubleValue() / total) : ""; //$NON-NLS-1$
            return NLS.bind(Messages.Chart_pieTooltip, new Object[] { key, formatFigure(value, unit, result.currency(), locale), share });
        };
        plot.setToolTipGenerator(tooltip);
        return new JFreeChart(title(result), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }
}
