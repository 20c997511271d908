package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.time.Clocks;
import org.salesbench.importexport.ImportPreview;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.WriteOptions;
import org.salesbench.importexport.internal.XlsxFormat;
import org.salesbench.persistence.DatabaseSettings;

/**
 * A 50,000-row sheet imports in a heap too small for the workbook's object model. This class runs in a JVM of its own
 * with {@code -Xmx256m} (the {@code small-heap} execution in this module's pom); the 1,000,000-row run at
 * {@code -Xmx512m} is {@code XlsxImportBenchmark} in {@code releng/org.salesbench.benchmarks}.
 */
class SmallHeapXlsxImportTest {

    private static final int ROWS = 50_000;
    /** Ten columns: 500,000 cells, which XSSFWorkbook does not hold in 256 MB (six columns it does). */
    private static final List<String> HEADER = List.of("Name", "Short Name", "Region", "Address", "Grade", "Tags", "Needs", "Notes",
            "External Id", "Next Follow-up");

    @TempDir
    Path dir;

    @Test
    void aFiftyThousandRowSheetImportsInASmallHeap() throws Exception {
        long maxHeapMb = Runtime.getRuntime().maxMemory() >> 20;
        // -Dtest=… runs it in the other executions too, in their large heap: there it proves nothing
        assumeTrue(maxHeapMb <= 300, "this test runs in its own small heap, not " + maxHeapMb + " MB");
        Path file = dir.resolve("customers.xlsx");
        writeSheet(file);

        // what the import did before: the whole workbook as objects does not fit in this heap
        assertThrows(OutOfMemoryError.class, () -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ))) {
                workbook.getSheetAt(0).getLastRowNum();
            }
        });

        try (ImportFixture fx = new ImportFixture(DatabaseSettings.embedded(dir.resolve("db")))) {
            ImportPreview preview = fx.engine.preview(file, ReadOptions.DETECT, "customers");
            assertEquals(HEADER, preview.header());
            assertEquals("Customer 0", preview.sample().get(0).value(0));
            ImportSettings settings = new ImportSettings("customers", preview.mapping()).withMode(Mode.VALID_ROWS);
            ImportResult result = fx.engine.run(file, ReadOptions.DETECT, settings, new NullProgressMonitor());
            assertEquals(ROWS, result.created(), result.errors().stream().limit(5).toList().toString());
            assertEquals(ROWS, fx.count("SB_CUSTOMER"));
            assertEquals(LocalDate.now(Clocks.system()).plusDays(7), fx.customers.find(fx.idOf("Customer 7")).orElseThrow().getNextFollowUp());
        }
    }

    /** With the export's streamed writer (SXSSF): text cells and the follow-up as a date cell. */
    private static void writeSheet(Path file) throws IOException {
        LocalDate today = LocalDate.now(Clocks.system());
        try (OutputStream out = Files.newOutputStream(file)) {
            RecordWriter writer = new XlsxFormat().create(out, WriteOptions.DEFAULT);
            writer.writeTyped(HEADER);
            for (int i = 0; i < ROWS; i++) {
                writer.writeTyped(Arrays.asList("Customer " + i, "C" + i, i % 2 == 0 ? "上海" : "North", "No. " + i + " Nanjing Road",
                        i % 3 == 0 ? "A" : "B", "tag" + i % 7 + ";vip", "Needs " + i, "Met at the trade fair " + i, "ext-" + i,
                        today.plusDays(i % 30)));
            }
            writer.close();
        }
    }
}
