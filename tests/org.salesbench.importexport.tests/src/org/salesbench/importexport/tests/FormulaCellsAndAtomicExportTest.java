package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.io.SpreadsheetText;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.WriteOptions;
import org.salesbench.importexport.internal.CsvFormat;

/**
 * Every cell a spreadsheet would run as a formula is written neutralised (OWASP: a leading quote), numbers stay
 * numbers, and importing Salesbench's own export gives the original texts back; an export that fails midway leaves the
 * previous file as it was.
 */
class FormulaCellsAndAtomicExportTest {

    private static final List<String> DANGEROUS = List.of("=HYPERLINK(\"http://evil.example\",\"click\")", "+cmd|' /C calc'!A0",
            "@SUM(A1)", "-2+3", "\tTabbed", "'=already quoted");

    @TempDir
    Path dir;

    private static void seed(ImportFixture f) {
        for (int i = 0; i < DANGEROUS.size(); i++) {
            Customer c = new Customer(DANGEROUS.get(i));
            c.setShortName(DANGEROUS.get((i + 1) % DANGEROUS.size()));
            c.setNotes("=1+2");
            c.getTags().add("@tag");
            f.customers.create(c);
        }
    }

    private static boolean startsLikeAFormula(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0;
    }

    /** Name, short name, notes and tags of every customer, sorted by name. */
    private static List<String> texts(ImportFixture f) {
        List<String> texts = new ArrayList<>();
        for (String name : f.customerNames()) {
            Customer c = f.customers.find(f.idOf(name)).orElseThrow();
            texts.add(List.of(c.getName(), String.valueOf(c.getShortName()), String.valueOf(c.getNotes()), c.getTags().toString()).toString());
        }
        return texts;
    }

    @Test
    void csvAndXlsxExportsNeutraliseFormulaCellsAndImportGivesTheTextsBack() throws IOException {
        try (ImportFixture f = new ImportFixture()) {
            seed(f);
            Path csv = dir.resolve("customers.csv");
            Path xlsx = dir.resolve("customers.xlsx");
            f.engine.export("customers", CustomerFilter.ALL, csv, WriteOptions.DEFAULT, new NullProgressMonitor());
            f.engine.export("customers", CustomerFilter.ALL, xlsx, WriteOptions.DEFAULT, new NullProgressMonitor());

            String text = Files.readString(csv, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
            List<String> cells = CSVFormat.RFC4180.parse(new StringReader(text)).stream().flatMap(CSVRecord::stream).toList();
            assertTrue(cells.contains("'=HYPERLINK(\"http://evil.example\",\"click\")"), cells.toString());
            assertTrue(cells.contains("''=already quoted"), "a quote before a formula gets one more, so the round trip is exact");
            assertFalse(cells.stream().anyMatch(FormulaCellsAndAtomicExportTest::startsLikeAFormula), cells.toString());

            try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
                int strings = 0;
                for (Row row : book.getSheetAt(0)) {
                    for (Cell cell : row) {
                        assertTrue(cell.getCellType() == CellType.STRING || cell.getCellType() == CellType.NUMERIC,
                                "no formula cells: " + cell.getCellType() + " " + cell);
                        if (cell.getCellType() == CellType.STRING) {
                            assertFalse(startsLikeAFormula(cell.getStringCellValue()), cell.getStringCellValue());
                            strings++;
                        }
                    }
                }
                assertTrue(strings > DANGEROUS.size() * 3);
            }

            for (Path file : List.of(csv, xlsx)) {
                try (ImportFixture copy = new ImportFixture()) {
                    ImportResult result = copy.engine.run(file, ReadOptions.DETECT, copy.auto(file, "customers"), new NullProgressMonitor());
                    assertEquals(Outcome.COMPLETED, result.outcome(), file + ": " + result.errors());
                    assertEquals(texts(f), texts(copy), file.getFileName() + " gives the original texts back");
                }
            }
        }
    }

    @Test
    void numbersStayNumbersAndEveryTextRoundTrips() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RecordWriter writer = new CsvFormat().create(bytes, WriteOptions.DEFAULT)) {
            writer.begin(List.of(new RecordWriter.Column("amount", "Amount"), new RecordWriter.Column("note", "Note")));
            writer.writeTyped(List.of(new BigDecimal("-5.50"), "-5.50"));
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "").lines().toList();
        assertEquals(List.of("Amount,Note", "-5.50,'-5.50"), lines, "a negative amount is a number; the same text is neutralised");

        for (String original : Stream.concat(DANGEROUS.stream(), Stream.of("", "'", "''", "'x", "''=a", "=", "-", "plain", "\r=x"))
                .toList()) {
            assertEquals(original, SpreadsheetText.restore(SpreadsheetText.neutralise(original)), original);
        }
        assertEquals("'x", SpreadsheetText.restore("'x"), "a quote before no formula character is the file's own");
    }

    @Test
    void theImportErrorReportNeutralisesTheFilesValues() throws IOException {
        Path file = ImportFixture.utf8(dir.resolve("bad.csv"), "Name,Next Follow-up\n甲公司,=1+2\n乙公司,\"@SUM(A1)\"\n");
        try (ImportFixture f = new ImportFixture()) {
            ImportResult result = f.engine.run(file, ReadOptions.DETECT, f.auto(file, "customers").withMode(Mode.VALID_ROWS),
                    new NullProgressMonitor());
            assertEquals(2, result.failed(), result.errors().toString());
            Path report = dir.resolve("errors.csv");
            result.writeErrorReport(report);
            String text = Files.readString(report, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
            List<String> cells = CSVFormat.RFC4180.parse(new StringReader(text)).stream().flatMap(CSVRecord::stream).toList();
            assertTrue(cells.contains("'=1+2") && cells.contains("'@SUM(A1)"), cells.toString());
            assertFalse(cells.stream().anyMatch(FormulaCellsAndAtomicExportTest::startsLikeAFormula), cells.toString());
        }
    }

    @Test
    void anExportThatFailsMidwayLeavesThePreviousFile() throws IOException {
        try (ImportFixture f = new ImportFixture()) {
            f.customers.create(new Customer("甲公司"));
            Path file = dir.resolve("list.csv");
            assertEquals(1, f.engine.export("customers", CustomerFilter.ALL, file, WriteOptions.DEFAULT, new NullProgressMonitor()));
            byte[] previous = Files.readAllBytes(file);
            f.customers.create(new Customer("乙公司"));

            NullProgressMonitor failing = new NullProgressMonitor() {
                @Override
                public void worked(int work) {
                    throw new IllegalStateException("disk gone after the first rows");
                }
            };
            assertThrows(IllegalStateException.class,
                    () -> f.engine.export("customers", CustomerFilter.ALL, file, WriteOptions.DEFAULT, failing));
            assertArrayEquals(previous, Files.readAllBytes(file), "the previous export, whole");

            NullProgressMonitor cancelled = new NullProgressMonitor();
            cancelled.setCanceled(true);
            ImportException cancel = assertThrows(ImportException.class,
                    () -> f.engine.export("customers", CustomerFilter.ALL, file, WriteOptions.DEFAULT, cancelled));
            assertTrue(cancel.getMessage().contains("list.csv"), cancel.getMessage());
            assertArrayEquals(previous, Files.readAllBytes(file));
            try (Stream<Path> left = Files.list(dir)) {
                assertEquals(List.of(file), left.toList(), "no temporary file left beside it");
            }

            assertEquals(2, f.engine.export("customers", CustomerFilter.ALL, file, WriteOptions.DEFAULT, new NullProgressMonitor()));
            assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("乙公司"));
        }
    }
}
