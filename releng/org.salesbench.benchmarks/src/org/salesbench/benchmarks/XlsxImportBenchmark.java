package org.salesbench.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.demo.DemoDataGenerator;
import org.salesbench.importexport.DataFormat;
import org.salesbench.importexport.ImportPreview;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RecordReader;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.WriteOptions;
import org.salesbench.importexport.internal.ImportEngine;
import org.salesbench.importexport.internal.CsvFormat;
import org.salesbench.importexport.internal.XlsxFormat;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * Customers from a large .xlsx sheet into embedded Derby in a small heap: writes {@code bench.importSize} demo
 * customers (default 100,000) to a workbook with the export's streamed writer (SXSSF), reads it alone, previews it
 * and imports it through {@code ImportEngine}, printing rows/s and the heap: the JVM's maximum, the highest heap in
 * use (sampled every 20 ms) and the most the old generation held after a collection (the live data). Run it with
 * {@code -Dbench.jvmArgs=-Xmx512m} to show that a 1,000,000-row sheet imports in 512 MB.
 */
class XlsxImportBenchmark {

    private static final List<String> HEADER = List.of("Name", "Short Name", "Industry", "Region", "Address", "Grade", "Source", "Status",
            "Tags", "Next Follow-up");

    @Test
    void importCustomersFromXlsx() throws Exception {
        int size = Integer.getInteger("bench.importSize", 100_000);
        Path base = Path.of(System.getProperty("bench.db", "bench-db")).toAbsolutePath().normalize();
        Files.createDirectories(base);
        Path xlsx = base.resolve("customers-" + size + ".xlsx");
        System.out.printf("BENCH JVM maximum heap: %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        if (!Files.exists(xlsx)) {
            long start = System.nanoTime();
            writeXlsx(xlsx, size);
            System.out.printf("BENCH wrote %s (streamed, SXSSF) in %.1f s%n", xlsx.getFileName(), (System.nanoTime() - start) / 1e9);
        }
        System.out.printf("BENCH import file %s: %,d rows, %.1f MB%n", xlsx.getFileName(), size, Files.size(xlsx) / 1e6);

        try (HeapWatch watch = new HeapWatch()) {
            long start = System.nanoTime();
            long rows = 0;
            try (RecordReader reader = new XlsxFormat().open(xlsx, ReadOptions.DETECT)) {
                while (reader.next() != null) {
                    rows++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCH reading the sheet alone: %,d rows in %.1f s = %,.0f rows/s; %s%n", rows, seconds, rows / seconds, watch);
        }

        LocalSecurityService security = new LocalSecurityService("bench");
        DomainEventPublisher quiet = (entity, change, id) -> { };
        Path importDir = ImportBenchmark.fresh(base.resolve("xlsx-import-run"));
        try (Database db = Database.open(DatabaseSettings.embedded(importDir), security); HeapWatch watch = new HeapWatch()) {
            CustomerServiceImpl service = new CustomerServiceImpl(db, security, quiet);
            ImportEngine engine = new ImportEngine(db, Map.<Class<?>, Object>of(CustomerService.class, service, SecurityService.class,
                    security, DomainEventPublisher.class, quiet)::get);
            long previewStart = System.nanoTime();
            ImportPreview preview = engine.preview(xlsx, ReadOptions.DETECT, "customers");
            System.out.printf("BENCH preview (header, automatic mapping, first rows): %.0f ms%n", (System.nanoTime() - previewStart) / 1e6);
            ImportSettings settings = new ImportSettings("customers", preview.mapping()).withMode(Mode.VALID_ROWS).withBatchSize(5_000)
                    .withMatch(new MatchPolicy(List.of("creditCode", "name"), OnMatch.SKIP));
            long start = System.nanoTime();
            ImportResult result = engine.run(xlsx, ReadOptions.DETECT, settings, new NullProgressMonitor());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCH import of the sheet: %,d rows in %.1f s = %,.0f rows/s (created %,d, skipped %,d, failed %,d); %s%n", size,
                    seconds, size / seconds, result.created(), result.skipped(), result.failed(), watch);
            if (result.created() != size) {
                throw new AssertionError("created " + result.created() + " of " + size + ": " + result.errors().stream().limit(5).toList());
            }
            try (Connection connection = Database.connect(DatabaseSettings.embedded(importDir));
                    ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM SB_CUSTOMER")) {
                count.next();
                System.out.printf("BENCH customers in the database: %,d%n", count.getLong(1));
            }
        }
        System.out.printf("BENCH load average: %s%n", BenchTimings.loadAverage());
    }

    /** Demo customers with the export's XLSX writer: text cells, the follow-up date as a date cell. */
    static void writeXlsx(Path xlsx, int size) throws IOException {
        write(xlsx, new XlsxFormat(), size);
    }

    /** The same customers as {@link #writeXlsx} with the export's CSV writer. */
    static void writeCsv(Path csv, int size) throws IOException {
        write(csv, new CsvFormat(), size);
    }

    private static void write(Path file, DataFormat format, int size) throws IOException {
        DemoDataGenerator generator = new DemoDataGenerator(42, LocalDate.now());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            RecordWriter writer = format.create(out, WriteOptions.DEFAULT);
            writer.writeTyped(HEADER);
            for (int i = 0; i < size; i++) {
                Customer c = generator.next();
                // the generator repeats names at scale; a suffix keeps every row a new customer
                writer.writeTyped(Arrays.asList(c.getName() + " " + i, c.getShortName(), c.getIndustry(), c.getRegion(), c.getAddress(),
                        c.getGrade(), c.getSource(), c.getStatus().name(), String.join(";", c.getTags()), c.getNextFollowUp()));
            }
            writer.close();
        }
        Files.move(partial, file);
    }

    /** The heap while a step runs: the highest use sampled, and the most the old generation kept after a collection. */
    private static final class HeapWatch implements AutoCloseable {
        private final List<MemoryPoolMXBean> heap = new ArrayList<>();
        private final Thread sampler;
        private volatile boolean running = true;
        private volatile long peakUsed;
        private volatile long peakLive;

        HeapWatch() {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heap.add(pool);
                }
            }
            sampler = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        private void sample() {
            long used = 0;
            for (MemoryPoolMXBean pool : heap) {
                used += pool.getUsage().getUsed();
                MemoryUsage afterGc = pool.getCollectionUsage();
                if (afterGc != null && pool.getName().matches("(?i).*(old|tenured).*")) {
                    peakLive = Math.max(peakLive, afterGc.getUsed());
                }
            }
            peakUsed = Math.max(peakUsed, used);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            sampler.join();
        }

        @Override
        public String toString() {
            sample();
            return String.format("peak heap in use %,d MB, most live after a collection %,d MB", peakUsed >> 20, peakLive >> 20);
        }
    }
}
