package org.salesbench.analytics.output.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.CategoryLabelEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.PieSectionEntity;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.Unit;
import org.salesbench.analytics.output.ReportCharts;

/**
 * What makes a chart usable beyond a picture, without a screen: months without data stay on the axis, labels never
 * overlap whatever the names and the size, every bar and slice carries a tooltip with its formatted figure, and what was
 * clicked leads back to the report row (and so the records) behind it.
 */
class ChartsPeopleUseTest {

    private static ReportResult byMonth(Unit unit, ReportFilter filter, Object[]... rows) {
        List<ReportColumn> columns = List.of(new ReportColumn("month", "Month", Unit.TEXT, null),
                new ReportColumn("figure", "Won revenue", unit, "won_revenue"));
        List<ReportRow> list = new ArrayList<>();
        for (Object[] row : rows) {
            list.add(new ReportRow(List.of(row[0], row[1]), "m:" + row[0]));
        }
        return new ReportResult("won-revenue", "Won revenue by month", filter, columns, list, ChartKind.BAR, "CNY");
    }

    private static CategoryDataset dataset(ReportResult result) {
        return ReportCharts.chart(result).orElseThrow().getCategoryPlot().getDataset();
    }

    @Test
    void monthsWithoutDataStayOnTheAxisAsZeros() {
        ReportFilter firstHalf = ReportFilter.all().withPeriod(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 5, 31));
        CategoryDataset data = dataset(byMonth(Unit.MONEY, firstHalf, new Object[] { "2026-01", new BigDecimal("500.00") },
                new Object[] { "2026-04", new BigDecimal("700.00") }));
        // the whole period, in time order: before the first sale, between the sales and after the last
        assertEquals(List.of("2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"), data.getColumnKeys());
        assertEquals(0, data.getValue("Won revenue (CNY)", "2025-12").intValue());
        assertEquals(500, data.getValue("Won revenue (CNY)", "2026-01").intValue());
        assertEquals(0, data.getValue("Won revenue (CNY)", "2026-02").intValue());
        assertEquals(0, data.getValue("Won revenue (CNY)", "2026-03").intValue());
        assertEquals(700, data.getValue("Won revenue (CNY)", "2026-04").intValue());
        assertEquals(0, data.getValue("Won revenue (CNY)", "2026-05").intValue());

        // an average has no value in a month without deals: the month stays, without a bar or a point
        CategoryDataset days = dataset(byMonth(Unit.DAYS, firstHalf, new Object[] { "2026-01", 12.5 }, new Object[] { "2026-03", 20.0 }));
        assertEquals(6, days.getColumnCount());
        assertNull(days.getValue(0, days.getColumnIndex("2026-02")));
        assertEquals(20.0, days.getValue(0, days.getColumnIndex("2026-03")).doubleValue());

        // all time: from the first month with data to the last, not from the year 1
        CategoryDataset allTime = dataset(byMonth(Unit.COUNT, ReportFilter.all(), new Object[] { "2024-11", 3L }, new Object[] { "2025-02", 1L }));
        assertEquals(List.of("2024-11", "2024-12", "2025-01", "2025-02"), allTime.getColumnKeys());

        // two series (the forecast's categories): every month in each, zero where a category had nothing
        ReportResult forecast = SampleResults.forecast(ChartKind.BAR);
        ReportResult wider = new ReportResult(forecast.reportId(), forecast.title(),
                ReportFilter.all().withPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)), forecast.columns(), forecast.rows(),
                ChartKind.BAR, "CNY");
        CategoryDataset two = dataset(wider);
        assertEquals(List.of("2026-01", "2026-02", "2026-03"), two.getColumnKeys());
        assertEquals(0, two.getValue("可能", "2026-02").intValue());
        assertEquals(0, two.getValue("承诺", "2026-03").intValue());
        assertEquals(70000, two.getValue("承诺", "2026-02").intValue());
    }

    private static ChartRenderingInfo drawn(JFreeChart chart, int width, int height) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        ReportCharts.draw(chart, width, height, info);
        return info;
    }

    private static <E extends ChartEntity> List<E> entities(ChartRenderingInfo info, Class<E> type) {
        List<E> found = new ArrayList<>();
        for (Object entity : info.getEntityCollection().getEntities()) {
            if (type.isInstance(entity)) {
                found.add(type.cast(entity));
            }
        }
        return found;
    }

    private static boolean overlap(Shape a, Shape b) {
        Area both = new Area(a);
        both.intersect(new Area(b));
        return !both.isEmpty();
    }

    /** Every category label drawn lies inside the picture and overlaps no other label and no bar. */
    private static int assertLabelsApart(ReportResult result, int width, int height) {
        JFreeChart chart = ReportCharts.chart(result).orElseThrow();
        ChartRenderingInfo info = drawn(chart, width, height);
        List<CategoryLabelEntity> labels = entities(info, CategoryLabelEntity.class);
        List<CategoryItemEntity> bars = entities(info, CategoryItemEntity.class);
        String where = result.chart() + " at " + width + " x " + height;
        assertFalse(bars.isEmpty(), where + ": bars drawn");
        Rectangle2D picture = new Rectangle2D.Double(0, 0, width, height);
        for (int i = 0; i < labels.size(); i++) {
            Shape label = labels.get(i).getArea();
            assertTrue(picture.contains(label.getBounds2D()), where + ": " + labels.get(i).getKey() + " at " + label.getBounds2D() + " inside the picture");
            for (int j = i + 1; j < labels.size(); j++) {
                assertFalse(overlap(label, labels.get(j).getArea()),
                        where + ": the labels of " + labels.get(i).getKey() + " and " + labels.get(j).getKey() + " overlap");
            }
            for (CategoryItemEntity bar : bars) {
                assertFalse(overlap(label, bar.getArea()), where + ": the label of " + labels.get(i).getKey() + " covers the bar of " + bar.getColumnKey());
            }
        }
        return labels.size();
    }

    private static final String[] LONG_NAMES = { "Northern Region Enterprise Accounts (Strategic)", "华东区大客户部（战略客户）第一组",
            "Southern Region Public Sector and Education", "华南区政府与教育行业客户部", "Western Region Small and Medium Businesses",
            "西北区中小企业客户部（渠道）", "International Partners and Resellers", "海外合作伙伴与经销商渠道部", "Key Accounts — Manufacturing",
            "重点客户：制造业与能源行业", "Inside Sales Team (Remote)", "电话销售团队（远程）" };

    private static ReportResult longNames(ChartKind kind, int count) {
        List<ReportColumn> columns = List.of(new ReportColumn("owner", "Team", Unit.TEXT, null),
                new ReportColumn("won_revenue", "Won revenue", Unit.MONEY, "won_revenue"));
        List<ReportRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new ReportRow(List.of(LONG_NAMES[i % LONG_NAMES.length] + (i >= LONG_NAMES.length ? " " + i : ""),
                    BigDecimal.valueOf(1_000_000L - i * 70_000L)), "team:" + i));
        }
        return new ReportResult("won-revenue", "Won revenue by team", ReportFilter.all(), columns, rows, kind, "CNY");
    }

    private static ReportResult longStages(int count) {
        List<ReportColumn> columns = List.of(new ReportColumn("pipeline", "Pipeline", Unit.TEXT, null),
                new ReportColumn("stage", "Stage", Unit.TEXT, null), new ReportColumn("reached", "Reached", Unit.COUNT, "stage_reached"));
        List<ReportRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new ReportRow(List.of("New business", LONG_NAMES[i % LONG_NAMES.length] + " " + i, (long) (1000 - i * 60)), String.valueOf(i)));
        }
        return new ReportResult("funnel", "Funnel", ReportFilter.all(), columns, rows, ChartKind.FUNNEL, "CNY");
    }

    @Test
    void labelsWithLongNamesNeverOverlapOneAnotherOrTheBars() {
        // bars with long names: level, turned or upright as the room allows
        assertTrue(assertLabelsApart(longNames(ChartKind.BAR, 12), 900, 500) == 12, "every team named on a wide chart");
        assertLabelsApart(longNames(ChartKind.BAR, 12), 400, 260);
        assertLabelsApart(longNames(ChartKind.BAR, 40), 300, 200);
        assertLabelsApart(longNames(ChartKind.LINE, 12), 640, 400);
        assertLabelsApart(longNames(ChartKind.BAR, 3), 640, 400);
        // the funnel: stage names (and their figures) beside the bars, as many lines as a stage's height holds
        assertTrue(assertLabelsApart(longStages(8), 640, 400) == 8, "every stage named");
        assertLabelsApart(longStages(8), 320, 200);
        assertLabelsApart(longStages(30), 400, 160);
        // twelve months fit level
        ReportResult months = byMonth(Unit.MONEY, ReportFilter.all().withPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
                new Object[] { "2025-03", new BigDecimal("10") });
        assertEquals(12, assertLabelsApart(months, 640, 300));
    }

    @Test
    void theFunnelsFiguresStandBesideTheStagesNames() {
        JFreeChart funnel = ReportCharts.chart(SampleResults.funnel()).orElseThrow();
        ChartRenderingInfo info = drawn(funnel, 640, 400);
        List<CategoryLabelEntity> labels = entities(info, CategoryLabelEntity.class);
        assertEquals(List.of("初步接洽", "需求确认", "方案报价", "赢单"), labels.stream().map(l -> l.getKey().toString()).toList());
        // every label left of the plot, so a figure never covers a bar
        double plotLeft = info.getPlotInfo().getDataArea().getMinX();
        for (CategoryLabelEntity label : labels) {
            assertTrue(label.getArea().getBounds2D().getMaxX() <= plotLeft + 0.5, label.getKey() + " left of the bars");
        }
        assertFalse(funnel.getCategoryPlot().getRenderer().getDefaultItemLabelsVisible(), "no figure drawn at a bar's end");
    }

    @Test
    void barsAndSlicesCarryTooltipsWithTheFigureInTheUsersCurrencyFormat() {
        Locale before = Locale.getDefault();
        try {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.US)) {
                Locale.setDefault(locale);
                String money = locale == Locale.US ? "CN¥800,000.00" : "¥800,000.00";
                ChartRenderingInfo bars = drawn(ReportCharts.chart(SampleResults.wonByOwner(ChartKind.BAR)).orElseThrow(), 640, 400);
                CategoryItemEntity li = entities(bars, CategoryItemEntity.class).stream().filter(e -> e.getColumnKey().equals("李华")).findFirst()
                        .orElseThrow();
                assertTrue(li.getToolTipText().startsWith("李华\n"), li.getToolTipText());
                assertTrue(li.getToolTipText().contains("赢单收入 (CNY)"), li.getToolTipText());
                assertTrue(li.getToolTipText().endsWith(money), locale + ": " + li.getToolTipText());

                ChartRenderingInfo pie = drawn(ReportCharts.chart(SampleResults.wonByOwner(ChartKind.PIE)).orElseThrow(), 640, 400);
                PieSectionEntity slice = entities(pie, PieSectionEntity.class).stream().filter(e -> e.getSectionKey().equals("李华")).findFirst()
                        .orElseThrow();
                assertTrue(slice.getToolTipText().startsWith("李华\n" + money), locale + ": " + slice.getToolTipText());
                assertTrue(slice.getToolTipText().contains("39"), "its share of 2,049,567.75: " + slice.getToolTipText());
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void whatWasClickedLeadsToTheRowBehindIt() {
        ReportResult owners = SampleResults.wonByOwner(ChartKind.BAR);
        ChartRenderingInfo bars = drawn(ReportCharts.chart(owners).orElseThrow(), 640, 400);
        for (CategoryItemEntity bar : entities(bars, CategoryItemEntity.class)) {
            ReportRow row = ReportCharts.rowAt(owners, ChartKind.BAR, bar).orElseThrow();
            assertEquals(bar.getColumnKey(), row.value(0));
        }
        CategoryLabelEntity label = entities(bars, CategoryLabelEntity.class).get(2);
        assertEquals("owner:zhang", ReportCharts.rowAt(owners, ChartKind.BAR, label).orElseThrow().drillKey(), "a name on the axis opens its row too");

        ReportResult pieResult = SampleResults.wonByOwner(ChartKind.PIE);
        ChartRenderingInfo pie = drawn(ReportCharts.chart(pieResult).orElseThrow(), 640, 400);
        PieSectionEntity wang = entities(pie, PieSectionEntity.class).stream().filter(e -> e.getSectionKey().equals("王小明")).findFirst().orElseThrow();
        assertEquals("owner:wang", ReportCharts.rowAt(pieResult, ChartKind.PIE, wang).orElseThrow().drillKey());

        ReportResult funnel = SampleResults.funnel();
        ChartRenderingInfo stages = drawn(ReportCharts.chart(funnel).orElseThrow(), 640, 400);
        CategoryItemEntity proposal = entities(stages, CategoryItemEntity.class).stream().filter(e -> e.getColumnKey().equals("方案报价")).findFirst()
                .orElseThrow();
        assertEquals("3", ReportCharts.rowAt(funnel, ChartKind.FUNNEL, proposal).orElseThrow().drillKey());

        // two series: the bar of one forecast category in one month is that cell's row
        ReportResult forecast = SampleResults.forecast(ChartKind.BAR);
        ChartRenderingInfo cells = drawn(ReportCharts.chart(forecast).orElseThrow(), 640, 400);
        CategoryItemEntity bestCase = entities(cells, CategoryItemEntity.class).stream()
                .filter(e -> e.getColumnKey().equals("2026-01") && e.getRowKey().equals("可能")).findFirst().orElseThrow();
        assertEquals("2026-01:BEST_CASE", ReportCharts.rowAt(forecast, ChartKind.BAR, bestCase).orElseThrow().drillKey());

        // a month the chart added as a zero has no row (and no records) behind it
        ReportResult months = byMonth(Unit.MONEY, ReportFilter.all().withPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)),
                new Object[] { "2026-01", new BigDecimal("5") });
        ChartRenderingInfo monthBars = drawn(ReportCharts.chart(months).orElseThrow(), 640, 400);
        List<String> withRows = new ArrayList<>();
        for (CategoryLabelEntity month : entities(monthBars, CategoryLabelEntity.class)) {
            ReportCharts.rowAt(months, ChartKind.BAR, month).ifPresent(r -> withRows.add(month.getKey().toString()));
        }
        assertEquals(List.of("2026-01"), withRows);
    }

    /** WCAG's contrast ratio of two colours (1 to 21). */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        double[] rgb = { c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0 };
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }

    @Test
    void theSeriesColoursReadOnALightAndOnADarkBackground() {
        for (int i = 0; i < 8; i++) {
            Color light = ReportCharts.seriesColour(i, false);
            assertTrue(contrast(light, Color.WHITE) >= 3, "series " + i + " on white: " + contrast(light, Color.WHITE));
            assertTrue(contrast(light, new Color(0xF0F0F0)) >= 3, "series " + i + " on a light grey window");
            for (Color background : List.of(new Color(0x1E1E1E), new Color(0x2F2F2F), new Color(0x3B3B3B))) {
                Color dark = ReportCharts.seriesColour(i, true);
                assertTrue(contrast(dark, background) >= 3, "series " + i + " on " + background + ": " + contrast(dark, background));
            }
        }
        assertEquals(ReportCharts.seriesColour(1, false), ReportCharts.seriesColour(9, false), "the palette repeats");
        // the charts draw with it (JFreeChart's theme would put its own red, blue and yellow back)
        JFreeChart bars = ReportCharts.chart(SampleResults.forecast(ChartKind.BAR)).orElseThrow();
        assertEquals(ReportCharts.seriesColour(0, false), bars.getCategoryPlot().getRenderer().getSeriesPaint(0));
        assertEquals(ReportCharts.seriesColour(1, false), bars.getCategoryPlot().getRenderer().getSeriesPaint(1));
        JFreeChart pie = ReportCharts.chart(SampleResults.wonByOwner(ChartKind.PIE)).orElseThrow();
        assertEquals(ReportCharts.seriesColour(2, false), ((org.jfree.chart.plot.PiePlot<?>) pie.getPlot()).getSectionPaint("Zhang Wei"));
        ReportCharts.applyPalette(bars, true);
        assertEquals(ReportCharts.seriesColour(1, true), bars.getCategoryPlot().getRenderer().getSeriesPaint(1), "on a dark theme, the lighter twins");
    }
}
