package org.salesbench.analytics.output.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.RingPlot;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.output.ReportCharts;

/** Every chart kind draws a real picture, with a font that has the Chinese labels' glyphs, without a screen. */
class ReportChartsTest {

    @Test
    void everyChartKindButTableRendersANonBlankPng() throws IOException {
        for (ChartKind kind : ChartKind.values()) {
            ReportResult result = kind == ChartKind.FUNNEL ? SampleResults.funnel() : SampleResults.wonByOwner(kind);
            Optional<byte[]> png = ReportCharts.renderPng(result, 640, 400);
            if (kind == ChartKind.TABLE) {
                assertTrue(png.isEmpty(), "a table has no chart");
                continue;
            }
            assertTrue(png.isPresent(), kind.name());
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.get()));
            assertNotNull(image, kind + ": a PNG");
            assertEquals(640, image.getWidth());
            assertEquals(400, image.getHeight());
            assertTrue(colours(image) > 5, kind + " draws more than a blank: " + colours(image) + " colours");
            assertTrue(inkShare(image) > 0.01, kind + " puts ink on the picture: " + inkShare(image));
        }
    }

    @Test
    void theChartFontCanDisplayEveryChineseLabel() {
        Font font = ReportCharts.font(Font.PLAIN, 11);
        assertTrue(font.getFamily().contains("WenQuanYi") || font.getFontName().contains("WenQuanYi"),
                "the documents module's CJK font: " + font.getFontName());
        for (String label : List.of(SampleResults.TITLE, "王小明", "李华", "赢单收入 (CNY)", "初步接洽", "需求确认", "方案报价", "此筛选条件下没有数据",
                "1,234,567.50", "62.5 %")) {
            assertEquals(-1, font.canDisplayUpTo(label), "the font draws \"" + label + "\"");
        }
        JFreeChart chart = ReportCharts.chart(SampleResults.wonByOwner(ChartKind.BAR)).orElseThrow();
        Font titleFont = chart.getTitle().getFont();
        assertEquals(-1, titleFont.canDisplayUpTo(SampleResults.TITLE), "title font " + titleFont);
        Font tickFont = chart.getCategoryPlot().getDomainAxis().getTickLabelFont();
        assertEquals(-1, tickFont.canDisplayUpTo("王小明李华"), "axis font " + tickFont);
    }

    @Test
    void resultsMapToTheChartsTheyNameAndTheDataTheyHold() {
        JFreeChart bar = ReportCharts.chart(SampleResults.wonByOwner(ChartKind.BAR)).orElseThrow();
        CategoryPlot plot = bar.getCategoryPlot();
        // money only: the count and the percentage are not drawn on the money axis
        assertEquals(1, plot.getDataset().getRowCount());
        assertEquals(List.of("王小明", "李华", "Zhang Wei"), plot.getDataset().getColumnKeys());
        assertEquals(1234567.5, plot.getDataset().getValue(0, 0).doubleValue(), 0.001);

        JFreeChart funnel = ReportCharts.chart(SampleResults.funnel()).orElseThrow();
        assertEquals(PlotOrientation.HORIZONTAL, funnel.getCategoryPlot().getOrientation());
        // one pipeline: the bars are its stages, one series, top to bottom in the report's order
        assertEquals(List.of("初步接洽", "需求确认", "方案报价", "赢单"), funnel.getCategoryPlot().getDataset().getColumnKeys());
        assertEquals(1, funnel.getCategoryPlot().getDataset().getRowCount());
        assertEquals(20, funnel.getCategoryPlot().getDataset().getValue(0, 3).intValue());

        JFreeChart pie = ReportCharts.chart(SampleResults.wonByOwner(ChartKind.PIE)).orElseThrow();
        assertTrue(pie.getPlot() instanceof RingPlot, "a donut");
        assertEquals(3, ((RingPlot) pie.getPlot()).getDataset().getItemCount());

        // two grouping columns: months along the axis, one series per forecast category
        JFreeChart line = ReportCharts.chart(SampleResults.forecast(ChartKind.LINE)).orElseThrow();
        assertEquals(List.of("2026-01", "2026-02"), line.getCategoryPlot().getDataset().getColumnKeys());
        assertEquals(List.of("承诺", "可能"), line.getCategoryPlot().getDataset().getRowKeys());

        JFreeChart kpi = ReportCharts.chart(SampleResults.wonByOwner(ChartKind.KPI)).orElseThrow();
        assertEquals("1,234,567.50", ((TextTitle) kpi.getSubtitle(0)).getText(), "the first row's first figure, big");
        assertTrue(ReportCharts.chart(SampleResults.wonByOwner(ChartKind.TABLE)).isEmpty());
    }

    @Test
    void anEmptyResultDrawsItsEmptyStateNotAnError() throws IOException {
        for (ChartKind kind : List.of(ChartKind.KPI, ChartKind.BAR, ChartKind.LINE, ChartKind.PIE, ChartKind.FUNNEL)) {
            byte[] png = ReportCharts.renderPng(SampleResults.empty(kind), 300, 200).orElseThrow();
            assertNotNull(ImageIO.read(new ByteArrayInputStream(png)), kind.name());
        }
        JFreeChart kpi = ReportCharts.chart(SampleResults.empty(ChartKind.KPI)).orElseThrow();
        assertEquals("No data for this filter", ((TextTitle) kpi.getSubtitle(0)).getText());
        assertEquals("No data for this filter", ReportCharts.chart(SampleResults.empty(ChartKind.BAR)).orElseThrow().getCategoryPlot().getNoDataMessage());
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    /** The share of pixels that are not white. */
    private static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return (double) ink / (image.getWidth() * image.getHeight());
    }
}
