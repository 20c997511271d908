package org.salesbench.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.CliChild;

/**
 * A large .xlsx sheet imported by the real command line in a small heap (issue 15): writes {@code bench.importSize} demo
 * customers (default 100,000; 1,000,000 for the proof) to a workbook with the export's streamed writer (SXSSF), or
 * reuses it, then runs {@code salesbench cli import customers <file>.xlsx} in a child process (its own JVM and OSGi framework
 * with this runtime's bundles) with {@code -Xmx512m} (or {@code bench.xlsxHeap}) into a fresh embedded database (made and
 * migrated before, as an installation's first start makes it), and checks that the database then holds every row. Prints
 * the child's wall time from start to exit, rows/s, its CPU seconds, its peak heap in use and the most it held after a
 * collection (from its GC log), its peak resident set (VmHWM) and the load average. The baseline in the same run: the same
 * rows as a CSV file through the same command, heap and kind of database, and the ratio.
 */
class XlsxCliImportBenchmark {

    private static final Pattern CREATED = Pattern.compile("Created (\\d+),");
    /** A unified GC log line's heap before and after the collection and its size: {@code 300M->120M(512M)}. */
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @Test
    void importsABigSheetThroughTheCommandLineInASmallHeap() throws Exception {
        int size = Integer.getInteger("bench.importSize", 100_000);
        String heap = System.getProperty("bench.xlsxHeap", "512m");
        Path base = Path.of(System.getProperty("bench.db", "bench-db")).toAbsolutePath().normalize();
        Files.createDirectories(base);
        Path xlsx = base.resolve("customers-" + size + ".xlsx");
        if (!Files.exists(xlsx)) {
            long start = System.nanoTime();
            XlsxImportBenchmark.writeXlsx(xlsx, size);
            System.out.printf("BENCH wrote %s (streamed, SXSSF) in %.1f s%n", xlsx.getFileName(), (System.nanoTime() - start) / 1e9);
        }
        Path csv = base.resolve("customers-" + size + ".csv");
        if (!Files.exists(csv)) {
            XlsxImportBenchmark.writeCsv(csv, size);
        }
        System.out.printf("BENCH files: %s %,d rows %.1f MB; %s %.1f MB%n", xlsx.getFileName(), size, Files.size(xlsx) / 1e6, csv.getFileName(),
                Files.size(csv) / 1e6);

        Path children = ImportBenchmark.fresh(base.resolve("xlsx-cli"));
        Files.createDirectories(children);
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap, "-Dsalesbench.startup.times=true"));
        String extra = System.getProperty("bench.childJvmArgs", "").strip();
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\|")));
        }
        Child sheet = child(children, "xlsx", jvm, xlsx, size);
        Child text = child(children, "csv", jvm, csv, size);
        System.out.printf("BENCH %,d customers, salesbench cli import in -Xmx%s: xlsx %.1f s = %,.0f rows/s (%.1f CPU s); the same rows as csv %.1f s"
                + " = %,.0f rows/s (%.1f CPU s); ratio xlsx/csv: wall %.2f, CPU %.2f%n", size, heap, sheet.seconds, size / sheet.seconds,
                sheet.cpuSeconds, text.seconds, size / text.seconds, text.cpuSeconds, sheet.seconds / text.seconds, sheet.cpuSeconds / text.cpuSeconds);
    }

    private record Child(double seconds, double cpuSeconds) {
    }

    /**
     * Imports {@code file} by a child into a fresh database of its own (migrated before, untimed), timed from start to exit, and
     * checks that it reported and the database holds {@code size} customers.
     */
    private static Child child(Path dir, String name, List<String> jvm, Path file, int size) throws Exception {
        Path dbDir = ImportBenchmark.fresh(dir.resolve("db-" + name));
        DatabaseSettings db = DatabaseSettings.embedded(dbDir);
        Database.open(db, new LocalSecurityService("bench")).close();
        Path gcLog = dir.resolve("gc-" + name + ".log");
        List<String> options = new ArrayList<>(jvm);
        options.add("-Xlog:gc:file=" + gcLog);
        List<String> command = CliChild.command(dir, db.url(), options, List.of("import", "customers", file.toString()));
        Path out = dir.resolve("child-" + name + ".out");
        String loadBefore = CliChild.loadAverage();
        double cpu = CliChild.endedChildrenCpuSeconds();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        long peakRssKb = 0;
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
            peakRssKb = Math.max(peakRssKb, highWaterMarkKb(status));
            if (System.nanoTime() - start > TimeUnit.HOURS.toNanos(2)) {
                process.destroyForcibly();
                throw new IllegalStateException("cli import of " + file.getFileName() + " did not end in 2 hours");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = CliChild.endedChildrenCpuSeconds() - cpu;
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        long counted;
        try (Connection connection = Database.connect(db); ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM SB_CUSTOMER")) {
            count.next();
            counted = count.getLong(1);
        }
        try {
            Database.connect(new DatabaseSettings(db.url().replace(";create=true", "") + ";shutdown=true", null, null)).close();
        } catch (java.sql.SQLException expected) {
            // Derby answers a clean shutdown with SQLState 08006
        }
        long peakHeap = 0, peakAfter = 0, heapSize = 0, collections = 0, full = 0;
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
                Matcher m = GC_HEAP.matcher(line);
                if (m.find()) {
                    collections++;
                    full += line.contains("Pause Full") ? 1 : 0;
                    peakHeap = Math.max(peakHeap, Long.parseLong(m.group(1)));
                    peakAfter = Math.max(peakAfter, Long.parseLong(m.group(2)));
                    heapSize = Math.max(heapSize, Long.parseLong(m.group(3)));
                }
            }
        }
        Matcher created = CREATED.matcher(printed);
        System.out.printf("BENCH cli import %s: exit %d, %,d rows in %.1f s = %,.0f rows/s, %.1f CPU s; heap: peak in use %,d MB, most after a"
                + " collection %,d MB, committed at most %,d MB (%d collections, %d full); peak RSS %,d MB; customers in the database %,d; load %s → %s%n",
                file.getFileName(), process.exitValue(), size, seconds, size / seconds, cpuSeconds, peakHeap, peakAfter, heapSize, collections, full,
                peakRssKb >> 10, counted, loadBefore, CliChild.loadAverage());
        printed.lines().filter(l -> l.startsWith("SALESBENCH-")).forEach(l -> System.out.println("BENCH   " + l));
        if (process.exitValue() != 0 || !created.find() || Integer.parseInt(created.group(1)) != size || counted != size) {
            throw new AssertionError("cli import of " + file.getFileName() + " exited with " + process.exitValue() + ", " + counted + " of " + size
                    + " customers in the database:\n" + printed.lines().limit(60).reduce("", (a, b) -> a + b + "\n"));
        }
        return new Child(seconds, cpuSeconds);
    }

    /** The process's peak resident set in KB ({@code VmHWM}), or 0 once it is gone. */
    private static long highWaterMarkKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended between the check and the read
        }
        return 0;
    }
}
