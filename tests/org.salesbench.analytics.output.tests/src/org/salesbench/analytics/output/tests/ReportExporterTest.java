package org.salesbench.analytics.output.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.ReportExporter;
import org.salesbench.analytics.ReportFormat;
import org.salesbench.analytics.ReportResult;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.documents.DocumentRenderer;
import org.salesbench.importexport.ImportService;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RecordReader;
import org.salesbench.importexport.SourceRow;
import org.salesbench.analytics.output.internal.ReportExporterImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.UnitOfWork;

/**
 * Each export format written by the real exporter over the real import/export writers and PDF renderer (their
 * DS services, over an in-memory Derby database), then read back: CSV as bytes, XLSX with the import module's
 * POI reader and as its sheet XML, PDF with PDFBox.
 */
class ReportExporterTest {

    private static Database db;
    private static ServiceRegistration<UnitOfWork> registration;
    private static ReportExporter exporter;
    private static ImportService imports;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        db = Database.open(DatabaseSettings.inMemory("report-export"), new LocalSecurityService("tester"));
        Bundle bundle = FrameworkUtil.getBundle(ReportExporterTest.class);
        if (bundle.getBundleContext() == null) {
            bundle.start();
        }
        BundleContext context = bundle.getBundleContext();
        // the import engine is a DS component that waits for the database
        registration = context.registerService(UnitOfWork.class, db, null);
        imports = service(context, ImportService.class);
        exporter = new ReportExporterImpl(imports, service(context, DocumentRenderer.class), db);
    }

    @AfterAll
    static void stop() {
        registration.unregister();
        db.close();
    }

    private static <S> S service(BundleContext context, Class<S> type) throws InterruptedException {
        Bundle provider = FrameworkUtil.getBundle(type);
        if (provider != null && provider.getState() != Bundle.ACTIVE) {
            try {
                provider.start();
            } catch (org.osgi.framework.BundleException e) {
                throw new IllegalStateException(e);
            }
        }
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        S service = tracker.waitForService(10_000);
        assertNotNull(service, type.getSimpleName() + " service");
        return service;
    }

    private static byte[] export(ReportResult result, ReportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(result, format, new OutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                out.write(b, off, len);
            }

            @Override
            public void close() {
                throw new AssertionError("the exporter closes the caller's stream");
            }
        });
        return out.toByteArray();
    }

    @Test
    void csvIsUtf8WithBomAHeaderRowAndPlainFigures() {
        byte[] csv = export(SampleResults.wonByOwner(ChartKind.BAR), ReportFormat.CSV);
        assertEquals(0xEF, csv[0] & 0xFF, "UTF-8 byte-order mark, so Excel reads Chinese");
        assertEquals(0xBB, csv[1] & 0xFF);
        assertEquals(0xBF, csv[2] & 0xFF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertEquals(List.of("负责人,赢单收入 (CNY),赢单数,赢率", "王小明,1234567.50,12,62.50", "李华,800000.00,7,43.75", "Zhang Wei,15000.25,1,100.00"),
                text.lines().toList());
    }

    @Test
    void xlsxHasAHeaderRowAndNumericCells() throws IOException {
        byte[] xlsx = export(SampleResults.forecast(ChartKind.BAR), ReportFormat.XLSX);
        Path file = Files.write(dir.resolve("forecast.xlsx"), xlsx);
        List<List<String>> rows = new ArrayList<>();
        try (RecordReader reader = imports.formatFor(file).orElseThrow().format().orElseThrow().open(file, ReadOptions.DETECT)) {
            rows.add(reader.header());
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row.values());
            }
        }
        assertEquals(List.of("月份", "预测类别", "加权金额 (CNY)", "最早成交日"), rows.get(0));
        assertEquals(List.of("2026-01", "承诺", "50000", "2026-01-03"), rows.get(1));
        assertEquals(List.of("2026-02", "承诺", "70000", "2026-02-01"), rows.get(3));
        // in the sheet itself, amounts and dates are numbers (dates as day numbers with a date format), not text
        String sheet = entry(file, "xl/worksheets/sheet1.xml");
        assertTrue(sheet.contains("<v>50000.0</v>") || sheet.contains("<v>50000</v>"), sheet);
        assertTrue(sheet.matches("(?s).*<c r=\"C2\" s=\"\\d+\" t=\"n\">.*") || sheet.matches("(?s).*<c r=\"C2\" s=\"\\d+\"><v>.*"), "C2 numeric: " + sheet);
        assertTrue(sheet.contains("<v>46025.0</v>") || sheet.contains("<v>46025</v>"), "2026-01-03 as an Excel day number: " + sheet);
        assertTrue(entry(file, "xl/workbook.xml").contains("name=\"加权预测\""), "the sheet is named after the report");
    }

    @Test
    void pdfHasTheChineseTitleTheFilterTheFiguresAndTheChart() throws IOException {
        byte[] pdf = export(SampleResults.wonByOwner(ChartKind.BAR), ReportFormat.PDF);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(SampleResults.TITLE), text);
            assertTrue(text.contains("Period: 2026-01-01 to 2026-03-31"), text);
            assertTrue(text.contains("By: owner"), text);
            assertTrue(text.contains("王小明") && text.contains("1,234,567.50") && text.contains("62.5 %"), text);
            assertEquals(1, images(doc.getPage(0)), "the chart, as an image");
        }
        // a table report has no chart, and an empty one says so
        try (PDDocument doc = Loader.loadPDF(export(SampleResults.empty(ChartKind.BAR), ReportFormat.PDF))) {
            assertTrue(new PDFTextStripper().getText(doc).contains("No data for this filter."));
            assertEquals(0, images(doc.getPage(0)));
        }
        try (PDDocument doc = Loader.loadPDF(export(SampleResults.wonByOwner(ChartKind.TABLE), ReportFormat.PDF))) {
            assertEquals(0, images(doc.getPage(0)));
            assertTrue(new PDFTextStripper().getText(doc).contains("Zhang Wei"));
        }
    }

    private static int images(PDPage page) throws IOException {
        int count = 0;
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                count++;
            }
        }
        return count;
    }

    private static String entry(Path zip, String name) throws IOException {
        // the streaming writer's entries carry their sizes after the data: read through the central directory
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry e = file.getEntry(name);
            assertNotNull(e, name + " in the workbook");
            try (java.io.InputStream in = file.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
