package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RecordReader;
import org.salesbench.importexport.SourceRow;
import org.salesbench.importexport.internal.CsvFormat;

/** CSV as Excel and other tools really write it. */
class CsvFormatTest {

    @TempDir
    Path dir;

    private static List<SourceRow> rows(RecordReader reader) throws IOException {
        List<SourceRow> rows = new ArrayList<>();
        for (SourceRow row; (row = reader.next()) != null;) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void utf8WithBomQuotedNewlinesEmbeddedQuotesEmptyLinesAndRaggedRows() throws IOException {
        Path file = ImportFixture.write(dir.resolve("a.csv"),
                "Name,Notes,Region\r\n\"ACME, Inc.\",\"first line\r\nsecond \"\"quoted\"\" line\",上海\r\n\r\n,,\r\n短行\r\nLong,x,y,z\r\n",
                StandardCharsets.UTF_8, true);
        try (RecordReader reader = new CsvFormat().open(file, ReadOptions.DETECT)) {
            assertEquals(List.of("Name", "Notes", "Region"), reader.header(), "the byte-order mark is not part of the first header");
            List<SourceRow> rows = rows(reader);
            assertEquals(3, rows.size(), "empty lines and lines of only delimiters are skipped");
            assertEquals(List.of("ACME, Inc.", "first line\r\nsecond \"quoted\" line", "上海"), rows.get(0).values());
            assertEquals(List.of("短行"), rows.get(1).values());
            assertNull(rows.get(1).value(2), "a short row has no value for the missing columns");
            assertEquals(4, rows.get(2).values().size());
        }
    }

    @Test
    void gbkWithSemicolonsIsDetected() throws IOException {
        Path file = ImportFixture.write(dir.resolve("gbk.csv"), "客户名称;地区;标签\n深圳华为技术有限公司;广东;战略客户\n", Charset.forName("GBK"), false);
        try (RecordReader reader = new CsvFormat().open(file, ReadOptions.DETECT)) {
            assertEquals(List.of("客户名称", "地区", "标签"), reader.header());
            assertEquals(List.of("深圳华为技术有限公司", "广东", "战略客户"), reader.next().values());
        }
    }

    @Test
    void tabsAndExcelSeparatorHint() throws IOException {
        Path tsv = ImportFixture.utf8(dir.resolve("a.tsv"), "Name\tRegion\nA, B\tNorth\n");
        try (RecordReader reader = new CsvFormat().open(tsv, ReadOptions.DETECT)) {
            assertEquals(List.of("Name", "Region"), reader.header());
            assertEquals(List.of("A, B", "North"), reader.next().values());
        }
        Path hinted = ImportFixture.utf8(dir.resolve("hint.csv"), "sep=;\nName;Region\nA,B;North\n");
        try (RecordReader reader = new CsvFormat().open(hinted, ReadOptions.DETECT)) {
            assertEquals(List.of("Name", "Region"), reader.header());
            assertEquals(List.of("A,B", "North"), reader.next().values());
        }
    }

    @Test
    void badFilesAreRefusedWithAClearMessage() throws IOException {
        CsvFormat csv = new CsvFormat();
        ImportException empty = assertThrows(ImportException.class, () -> csv.open(Files.write(dir.resolve("empty.csv"), new byte[0]), ReadOptions.DETECT));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        ImportException blank = assertThrows(ImportException.class, () -> csv.open(ImportFixture.utf8(dir.resolve("blank.csv"), "\n\n  \n"), ReadOptions.DETECT));
        assertTrue(blank.getMessage().contains("empty"), blank.getMessage());

        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        ImportException bin = assertThrows(ImportException.class, () -> csv.open(Files.write(dir.resolve("bin.csv"), binary), ReadOptions.DETECT));
        assertTrue(bin.getMessage().contains("not a text file"), bin.getMessage());

        // Latin-1 "café" is neither UTF-8 nor GB18030
        ImportException latin = assertThrows(ImportException.class, () -> csv.open(
                ImportFixture.write(dir.resolve("latin.csv"), "Name\ncafé\n", StandardCharsets.ISO_8859_1, false), ReadOptions.DETECT));
        assertTrue(latin.getMessage().contains("neither UTF-8 nor GBK"), latin.getMessage());
        // …but it reads when the user names the encoding
        try (RecordReader reader = csv.open(dir.resolve("latin.csv"), ReadOptions.DETECT.withCharset(StandardCharsets.ISO_8859_1))) {
            assertEquals(List.of("café"), reader.next().values());
        }

        Path huge = dir.resolve("huge.csv");
        ImportFixture.utf8(huge, "x".repeat(10 * 1024 * 1024));
        ImportException line = assertThrows(ImportException.class, () -> csv.open(huge, ReadOptions.DETECT));
        assertTrue(line.getMessage().contains("no header row"), line.getMessage());
    }
}
