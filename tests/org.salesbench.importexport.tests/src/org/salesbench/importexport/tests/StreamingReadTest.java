package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RecordReader;
import org.salesbench.importexport.SourceRow;
import org.salesbench.importexport.internal.CsvFormat;
import org.salesbench.importexport.internal.CsvRecordReader;
import org.salesbench.importexport.internal.VCardFormat;
import org.salesbench.importexport.internal.XlsxFormat;

/** The readers hold one record at a time: bounded CSV records, XLSX row by row, vCard card by card. */
class StreamingReadTest {

    private static final int ONE_MB = 1024 * 1024;

    @TempDir
    Path dir;

    /** Characters after the text it starts with, without end: a reader that read to the end would never return. */
    private static final class EndlessReader extends Reader {
        private final String start;
        long read;

        EndlessReader(String start) {
            this.start = start;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++, read++) {
                buffer[offset + i] = read < start.length() ? start.charAt((int) read) : read % 80 == 0 ? '\n' : 'x';
            }
            return length;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    @Test
    void anUnclosedQuoteIsReportedWithTheLineWhereItsFieldBeganAsSoonAsTheRecordIsTooLong() {
        // line 3 and 4 are one quoted field; the open quote of row 4 starts on line 5 and never closes
        EndlessReader endless = new EndlessReader("Name,Notes\nACME,ok\n\"Beta\",\"two\nlines\"\nGamma,\"never closed\n");
        ImportException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(ImportException.class, () -> {
            try (RecordReader reader = new CsvRecordReader(Path.of("endless.csv"), endless, ',', StandardCharsets.UTF_8)) {
                assertEquals(List.of("Name", "Notes"), reader.header());
                while (reader.next() != null) {
                    // read on
                }
            }
        }));
        assertTrue(e.getMessage().contains("line 5") && e.getMessage().contains("row 4") && e.getMessage().contains("closing quote"),
                e.getMessage());
        assertTrue(endless.read < 2 * ONE_MB, "read no further than the record limit, not to the end: " + endless.read);
    }

    @Test
    void csvErrorsNameTheLineAndTheRow() throws IOException {
        Path unclosed = ImportFixture.utf8(dir.resolve("unclosed.csv"), "Name,Notes\r\nA,\"fine\r\nstill fine\"\r\nB,\"open\r\n\r\nC,x\r\n");
        ImportException open = assertThrows(ImportException.class, () -> readAll(new CsvFormat(), unclosed));
        assertTrue(open.getMessage().contains("line 4") && open.getMessage().contains("row 3"), open.getMessage());

        Path afterQuote = ImportFixture.utf8(dir.resolve("after.csv"), "Name,Notes\nA,ok\n\nB,\"quoted\"text\n");
        ImportException after = assertThrows(ImportException.class, () -> readAll(new CsvFormat(), afterQuote));
        assertTrue(after.getMessage().contains("row 3") && after.getMessage().contains("line 4"), after.getMessage());

        Path longRow = ImportFixture.utf8(dir.resolve("long.csv"), "Name\nA\n" + "y".repeat(ONE_MB + 10) + "\nB\n");
        ImportException tooLong = assertThrows(ImportException.class, () -> readAll(new CsvFormat(), longRow));
        assertTrue(tooLong.getMessage().contains("row 3"), tooLong.getMessage());
    }

    @Test
    void csvRecordsKeepTheirRowNumbersAndLineBreaks() throws IOException {
        Path file = ImportFixture.utf8(dir.resolve("rows.csv"), "\n\nName;Notes;\r\n\"a;b\";\"x\ry\"\r\n\r\nc;\"say \"\"hi\"\"\"   \rd;\"\"");
        try (RecordReader reader = new CsvFormat().open(file, ReadOptions.DETECT)) {
            assertEquals(List.of("Name", "Notes"), reader.header());
            List<SourceRow> rows = readRows(reader);
            assertEquals(List.of(new SourceRow(2, List.of("a;b", "x\ry")), new SourceRow(3, List.of("c", "say \"hi\"")),
                    new SourceRow(4, List.of("d", ""))), rows);
        }
    }

    @Test
    void aLargeSheetIsReadRowByRowWithoutHoldingTheWorkbook() throws IOException {
        int rows = 50_000;
        Path file = dir.resolve("large.xlsx");
        // shared strings, as Excel writes them, and a date style
        try (SXSSFWorkbook book = new SXSSFWorkbook(new XSSFWorkbook(), 100, true, true); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("Customers");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            Row header = sheet.createRow(0);
            List.of("Name", "Region", "Employees", "Next Follow-up", "Active").forEach(h -> header.createCell(header.getPhysicalNumberOfCells()).setCellValue(h));
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("客户 " + i);
                row.createCell(1).setCellValue(i % 2 == 0 ? "North" : "南方");
                row.createCell(2).setCellValue(i * 1.5);
                row.createCell(3).setCellValue(LocalDate.of(2026, 1, 1).plusDays(i % 365));
                row.getCell(3).setCellStyle(date);
                row.createCell(4).setCellValue(i % 3 == 0);
            }
            book.write(out);
            book.dispose();
        }
        long before = usedHeapAfterGc();
        try (RecordReader reader = new XlsxFormat().open(file, ReadOptions.DETECT)) {
            assertEquals(List.of("Name", "Region", "Employees", "Next Follow-up", "Active"), reader.header());
            assertEquals(new SourceRow(2, List.of("客户 1", "南方", "1.5", "2026-01-02", "false")), reader.next());
            long count = 1;
            SourceRow last = null;
            for (SourceRow row; (row = reader.next()) != null; count++) {
                last = row;
                if (count == rows / 2) {
                    long held = usedHeapAfterGc() - before;
                    // the object model held about 1 KB a cell here (over 100 MB); the stream holds the shared strings
                    assertTrue(held < 32L * ONE_MB, "half-way through, the reader holds " + held / ONE_MB + " MB");
                }
            }
            assertEquals(rows, count);
            assertEquals(new SourceRow(rows + 1, List.of("客户 " + rows, "North", "75000", LocalDate.of(2026, 1, 1).plusDays(rows % 365).toString(),
                    "false")), last);
        }
    }

    @Test
    void vCardsAreReadCardByCardWithColumnsFromEveryCard() throws IOException {
        StringBuilder text = new StringBuilder();
        int cards = 2_000;
        for (int i = 1; i <= cards; i++) {
            text.append("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Contact ").append(i).append("\r\nORG:ACME;Sales\r\nTEL:+86 138 0000 ").append(i)
                    .append("\r\n");
            if (i == cards) {
                text.append("X-SALESBENCH-DECISION-ROLE:DECIDER\r\n"); // a column only the last card has
            }
            text.append("END:VCARD\r\n");
        }
        Path file = ImportFixture.utf8(dir.resolve("book.vcf"), text.toString());
        try (RecordReader reader = new VCardFormat().open(file, ReadOptions.DETECT)) {
            assertTrue(reader.header().contains("decisionRole"), reader.header().toString());
            List<SourceRow> rows = readRows(reader);
            assertEquals(cards, rows.size());
            assertEquals("Contact 1", rows.get(0).value(0));
            assertEquals("DECIDER", rows.get(cards - 1).value(reader.header().indexOf("decisionRole")));
            assertEquals("", rows.get(0).value(reader.header().indexOf("decisionRole")));
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static List<SourceRow> readAll(org.salesbench.importexport.DataFormat format, Path file) throws IOException {
        try (RecordReader reader = format.open(file, ReadOptions.DETECT)) {
            return readRows(reader);
        }
    }

    private static List<SourceRow> readRows(RecordReader reader) throws IOException {
        List<SourceRow> rows = new java.util.ArrayList<>();
        for (SourceRow row; (row = reader.next()) != null;) {
            rows.add(row);
        }
        return rows;
    }
}
