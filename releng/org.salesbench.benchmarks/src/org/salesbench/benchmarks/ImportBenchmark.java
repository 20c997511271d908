package org.salesbench.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.demo.DemoDataGenerator;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RecordReader;
import org.salesbench.importexport.SourceRow;
import org.salesbench.importexport.internal.ImportEngine;
import org.salesbench.importexport.internal.Messages;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * Customers from CSV into embedded Derby: the import (conversion, validation by the customer
 * service's rules, matching on credit code and folded name, bulk load) against a raw JDBC batch
 * insert of the same rows (customers and their tags) into the same tables, measured in the same run.
 * Goal: ≥ 50,000 rows/s and at least half the raw speed. Size: -Dbench.importSize (default 100,000).
 * It also prints where the import's time goes: reading the CSV alone, staging (conversion, validation,
 * matching, with the database's bulk insert taking the rows beside it on another thread) and the rest of
 * the load once the file is read (the last rows, the index sorts, the tags).
 */
class ImportBenchmark {

    private static final int BATCH = 5_000;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    static final String HEADER = "Name,Short Name,Credit Code,Industry,Region,Address,Grade,Source,Status,Tags,Next Follow-up";

    @Test
    void importCustomers() throws IOException, Exception {
        int size = Integer.getInteger("bench.importSize", 100_000);
        Path base = Path.of(System.getProperty("bench.db", "bench-db")).toAbsolutePath().normalize();
        Files.createDirectories(base);
        Path csv = base.resolve("customers-" + size + ".csv");
        if (!Files.exists(csv)) {
            writeCsv(csv, size);
        }
        System.out.printf("BENCH import file %s: %,d rows, %.1f MB%n", csv.getFileName(), size, Files.size(csv) / 1e6);

        double parseSeconds = parseOnly(csv);
        System.out.printf("BENCH reading the CSV alone: %.1f s = %,.0f rows/s%n", parseSeconds, size / parseSeconds);

        LocalSecurityService security = new LocalSecurityService("bench");
        DomainEventPublisher quiet = (entity, change, id) -> { };
        double importRate;
        double importCpuRate;
        Path importDir = fresh(base.resolve("import-run"));
        try (Database db = Database.open(DatabaseSettings.embedded(importDir), security)) {
            CustomerServiceImpl service = new CustomerServiceImpl(db, security, quiet);
            ImportEngine engine = new ImportEngine(db, Map.<Class<?>, Object>of(CustomerService.class, service, SecurityService.class,
                    security, DomainEventPublisher.class, quiet)::get);
            ImportSettings settings = new ImportSettings("customers", engine.autoMap(List.of(HEADER.split(",")), "customers"))
                    .withMode(Mode.VALID_ROWS).withBatchSize(BATCH)
                    .withMatch(new MatchPolicy(List.of("creditCode", "name"), OnMatch.SKIP));
            long cpuStart = CPU.getCurrentThreadCpuTime();
            long processCpuStart = processCpuNanos();
            long start = System.nanoTime();
            long[] loadStart = { 0 };
            String loading = Messages.Progress_loading.substring(0, Messages.Progress_loading.indexOf("{0}"));
            ImportResult result = engine.run(csv, ReadOptions.DETECT, settings, new NullProgressMonitor() {
                @Override
                public void subTask(String name) {
                    if (loadStart[0] == 0 && name != null && name.startsWith(loading)) {
                        loadStart[0] = System.nanoTime();
                    }
                }
            });
            long end = System.nanoTime();
            double cpu = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double processCpu = (processCpuNanos() - processCpuStart) / 1e9;
            double seconds = (end - start) / 1e9;
            importRate = size / seconds;
            importCpuRate = size / processCpu;
            System.out.printf("BENCH import (validation + matching on credit code and name + bulk load): %,d rows in %.1f s = %,.0f rows/s "
                    + "(created %,d, skipped %,d, failed %,d)%n", size, seconds, importRate, result.created(), result.skipped(), result.failed());
            if (loadStart[0] != 0) {
                System.out.printf("BENCH   of which reading, conversion, validation and matching (the bulk insert running beside it) %.1f s, "
                        + "the rest of the load (index sorts, tags) %.1f s%n",
                        (loadStart[0] - start) / 1e9, (end - loadStart[0]) / 1e9);
            }
            System.out.printf("BENCH   CPU of the importing thread (the bulk insert runs on a thread of its own): %.1f s; of the process: %.1f s "
                    + "= %,.0f rows per CPU second%n", cpu, processCpu, size / processCpu);
            // counted in SQL: the list's count would build the search index, in the background of the measurements that follow
            try (Connection connection = Database.connect(DatabaseSettings.embedded(importDir));
                    ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM SB_CUSTOMER")) {
                count.next();
                System.out.printf("BENCH customers in the database: %,d%n", count.getLong(1));
            }
        }

        loadOnly(importDir, base.resolve("load-run"), size, security);
        double[] rawCpuRate = new double[1];
        double rawRate = raw(base.resolve("raw-run"), csv, size, security, false, rawCpuRate);
        double rawWithTagsRate = raw(base.resolve("raw-tags-run"), csv, size, security, true, rawCpuRate);
        System.out.printf("BENCH import / raw rows with their tags (the same rows the import writes) = %.2f (goal ≥ 0.50); "
                + "import / raw customer rows alone = %.2f; import %,.0f rows/s (goal ≥ 50,000)%n", importRate / rawWithTagsRate,
                importRate / rawRate, importRate);
        System.out.printf("BENCH by CPU: import (process) %,.0f rows/s, raw with tags (its thread) %,.0f rows/s, ratio %.2f%n", importCpuRate,
                rawCpuRate[0], importCpuRate / rawCpuRate[0]);
        System.out.printf("BENCH load average: %s%n", BenchTimings.loadAverage());
    }

    /** CPU time of the whole process (all threads: the bulk insert runs on one of its own), from Linux's /proc. */
    private static long processCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L; // utime + stime, in ticks of 10 ms
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Derby's import procedure alone on the same rows: the customers and tags the import wrote, exported with
     * {@code SYSCS_EXPORT_TABLE} and imported into a fresh database with {@code SYSCS_IMPORT_TABLE}, as the bulk
     * path loads them (empty tables, all the schema's indexes). The ceiling of the import on this schema.
     */
    private static void loadOnly(Path importDir, Path dir, int size, LocalSecurityService security) throws Exception {
        Path customers = importDir.resolveSibling("load-customers.del");
        Path tags = importDir.resolveSibling("load-tags.del");
        Files.deleteIfExists(customers);
        Files.deleteIfExists(tags);
        DatabaseSettings from = DatabaseSettings.embedded(importDir);
        try (Connection connection = Database.connect(from)) {
            call(connection, "CALL SYSCS_UTIL.SYSCS_EXPORT_TABLE(NULL, 'SB_CUSTOMER', ?, NULL, NULL, 'UTF-8')", customers);
            call(connection, "CALL SYSCS_UTIL.SYSCS_EXPORT_TABLE(NULL, 'SB_CUSTOMER_TAG', ?, NULL, NULL, 'UTF-8')", tags);
        } finally {
            shutdown(from);
        }
        fresh(dir);
        DatabaseSettings to = DatabaseSettings.embedded(dir);
        Database.open(to, security).close(); // the same schema, migrated
        try (Connection connection = Database.connect(to)) {
            long start = System.nanoTime();
            call(connection, "CALL SYSCS_UTIL.SYSCS_IMPORT_TABLE(NULL, 'SB_CUSTOMER', ?, NULL, NULL, 'UTF-8', 0)", customers);
            long between = System.nanoTime();
            call(connection, "CALL SYSCS_UTIL.SYSCS_IMPORT_TABLE(NULL, 'SB_CUSTOMER_TAG', ?, NULL, NULL, 'UTF-8', 0)", tags);
            long end = System.nanoTime();
            System.out.printf("BENCH Derby's import procedure alone on the same rows (customers %.1f s, tags %.1f s): %.1f s = %,.0f rows/s "
                    + "(the ceiling of the bulk path on this schema)%n", (between - start) / 1e9, (end - between) / 1e9, (end - start) / 1e9,
                    size / ((end - start) / 1e9));
        } finally {
            shutdown(to);
            Files.deleteIfExists(customers);
            Files.deleteIfExists(tags);
        }
    }

    private static void call(Connection connection, String sql, Path file) throws java.sql.SQLException {
        try (PreparedStatement call = connection.prepareStatement(sql)) {
            call.setString(1, file.toString());
            call.execute();
        }
    }

    static void shutdown(DatabaseSettings settings) {
        try {
            Database.connect(new DatabaseSettings(settings.url().replaceAll(";.*", "") + ";shutdown=true", null, null)).close();
        } catch (java.sql.SQLException expected) {
            // Derby answers a shutdown with an exception
        }
    }

    /** Seconds to read every record of the file with the CSV format the import uses, and nothing else. */
    private static double parseOnly(Path csv) throws IOException {
        long start = System.nanoTime();
        long rows = 0;
        try (RecordReader reader = new ImportEngine(null, type -> null).formatFor(csv).orElseThrow().format().orElseThrow()
                .open(csv, ReadOptions.DETECT)) {
            while (reader.next() != null) {
                rows++;
            }
        }
        if (rows == 0) {
            throw new IllegalStateException("no rows in " + csv);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * A raw JDBC batch insert of the same rows: parsed by the same CSV reader, no conversion, validation or
     * matching. With {@code tags}, the tags are written too, so the same tables receive the same rows as in the import.
     */
    private static double raw(Path dir, Path csv, int size, LocalSecurityService security, boolean tags, double[] cpuRate) throws Exception {
        fresh(dir);
        DatabaseSettings settings = DatabaseSettings.embedded(dir);
        Database.open(settings, security).close(); // the same schema, migrated
        try (Connection connection = Database.connect(settings);
                RecordReader reader = new ImportEngine(null, type -> null).formatFor(csv).orElseThrow().format().orElseThrow()
                        .open(csv, ReadOptions.DETECT)) {
            connection.setAutoCommit(false);
            long cpuStart = CPU.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long id = 1;
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SB_CUSTOMER (ID, VERSION, CREATED_AT, CREATED_BY, "
                    + "UPDATED_AT, UPDATED_BY, OWNER, NAME, SHORT_NAME, CREDIT_CODE, NORMALIZED_NAME, INDUSTRY, REGION, ADDRESS, GRADE, SOURCE, "
                    + "STATUS) VALUES (?, 1, ?, 'bench', ?, 'bench', 'bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement tag = connection.prepareStatement("INSERT INTO SB_CUSTOMER_TAG (CUSTOMER_ID, TAG) VALUES (?, ?)")) {
                int pending = 0;
                for (SourceRow row; (row = reader.next()) != null;) {
                    insert.setLong(1, id);
                    insert.setTimestamp(2, now);
                    insert.setTimestamp(3, now);
                    insert.setString(4, row.value(0));
                    insert.setString(5, emptyToNull(row.value(1)));
                    insert.setString(6, emptyToNull(row.value(2)));
                    insert.setString(7, row.value(0).toLowerCase());
                    insert.setString(8, emptyToNull(row.value(3)));
                    insert.setString(9, emptyToNull(row.value(4)));
                    insert.setString(10, emptyToNull(row.value(5)));
                    insert.setString(11, emptyToNull(row.value(6)));
                    insert.setString(12, emptyToNull(row.value(7)));
                    insert.setString(13, row.value(8));
                    insert.addBatch();
                    if (tags) {
                        for (String t : row.value(9).split(";")) {
                            if (!t.isBlank()) {
                                tag.setLong(1, id);
                                tag.setString(2, t);
                                tag.addBatch();
                            }
                        }
                    }
                    id++;
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        if (tags) {
                            tag.executeBatch();
                        }
                        connection.commit();
                        pending = 0;
                    }
                }
                insert.executeBatch();
                if (tags) {
                    tag.executeBatch();
                }
                connection.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = size / seconds;
            cpuRate[0] = size / ((CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            System.out.printf("BENCH raw JDBC batch insert of the same rows%s: %.1f s = %,.0f rows/s%n",
                    tags ? " with their tags" : " (customer table only)", seconds, rate);
            return rate;
        } finally {
            shutdown(settings);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * Deletes the database in {@code dir} and its customer search index beside it: an index left from an earlier run
     * would be caught up with the new database while the import runs, and measured with it.
     */
    static Path fresh(Path dir) throws IOException {
        for (Path folder : new Path[] { dir, DatabaseSettings.embedded(dir).searchIndexFolder() }) {
            if (Files.exists(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
        return dir;
    }

    /** Demo customers as a CRM export would have them, in UTF-8 with a byte-order mark. */
    static void writeCsv(Path csv, int size) throws IOException {
        DemoDataGenerator generator = new DemoDataGenerator(42, LocalDate.now());
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            out.write(HEADER);
            out.write("\r\n");
            for (int i = 0; i < size; i++) {
                Customer c = generator.next();
                // the generator repeats names at scale; a suffix keeps every row a new customer, so all rows are written
                String name = c.getName() + " " + i;
                out.write(String.join(",", quote(name), quote(c.getShortName()), quote(null), quote(c.getIndustry()), quote(c.getRegion()),
                        quote(c.getAddress()), quote(c.getGrade()), quote(c.getSource()), c.getStatus().name(),
                        quote(String.join(";", c.getTags())), c.getNextFollowUp() == null ? "" : c.getNextFollowUp().toString()));
                out.write("\r\n");
            }
        }
    }

    private static String quote(String value) {
        if (value == null) {
            return "";
        }
        return value.matches(".*[,\"\\r\\n].*") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
