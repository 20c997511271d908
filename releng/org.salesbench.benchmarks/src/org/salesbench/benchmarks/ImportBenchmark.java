package org.salesbench.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.customers.internal.SearchTerms;
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
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * Customers from CSV into embedded Derby: the import (conversion, validation by the customer
 * service's rules, matching on credit code and folded name, search terms) against a raw JDBC batch
 * insert of the same rows into the same table, measured in the same run. Goal: ≥ 50,000 rows/s and at
 * least half the raw speed. Size: -Dbench.importSize (default 100,000).
 */
class ImportBenchmark {

    private static final int BATCH = 5_000;
    private static final String HEADER = "Name,Short Name,Credit Code,Industry,Region,Address,Grade,Source,Status,Tags,Next Follow-up";

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

        LocalSecurityService security = new LocalSecurityService("bench");
        DomainEventPublisher quiet = (entity, change, id) -> { };
        double importRate;
        Path importDir = fresh(base.resolve("import-run"));
        try (Database db = Database.open(DatabaseSettings.embedded(importDir), security)) {
            CustomerServiceImpl service = new CustomerServiceImpl(db, security, quiet);
            ImportEngine engine = new ImportEngine(db, Map.<Class<?>, Object>of(CustomerService.class, service, SecurityService.class,
                    security, DomainEventPublisher.class, quiet)::get);
            ImportSettings settings = new ImportSettings("customers", engine.autoMap(List.of(HEADER.split(",")), "customers"))
                    .withMode(Mode.VALID_ROWS).withBatchSize(BATCH)
                    .withMatch(new MatchPolicy(List.of("creditCode", "name"), OnMatch.SKIP));
            long start = System.nanoTime();
            ImportResult result = engine.run(csv, ReadOptions.DETECT, settings, new NullProgressMonitor());
            double seconds = (System.nanoTime() - start) / 1e9;
            importRate = size / seconds;
            System.out.printf("BENCH import (validation + matching on credit code and name + search terms): %,d rows in %.1f s = %,.0f rows/s "
                    + "(created %,d, skipped %,d, failed %,d)%n", size, seconds, importRate, result.created(), result.skipped(), result.failed());
            System.out.printf("BENCH customers in the database: %,d%n", service.count(CustomerFilter.ALL));
        }

        double rawRate = raw(base.resolve("raw-run"), csv, size, security, false);
        double rawWithTermsRate = raw(base.resolve("raw-terms-run"), csv, size, security, true);
        System.out.printf("BENCH import / raw customer rows = %.2f; import / raw rows with tags and search terms = %.2f (goal ≥ 0.50); "
                + "import %,.0f rows/s (goal ≥ 50,000)%n", importRate / rawRate, importRate / rawWithTermsRate, importRate);
    }

    /**
     * A raw JDBC batch insert of the same rows: parsed by the same CSV reader, no conversion, validation or
     * matching. With {@code terms}, the tags are written too and the search terms computed, as the import does
     * (the terms themselves live in the customer search index since the term table went).
     */
    private static double raw(Path dir, Path csv, int size, LocalSecurityService security, boolean terms) throws Exception {
        fresh(dir);
        DatabaseSettings settings = DatabaseSettings.embedded(dir);
        Database.open(settings, security).close(); // the same schema, migrated
        try (Connection connection = Database.connect(settings);
                RecordReader reader = new ImportEngine(null, type -> null).formatFor(csv).orElseThrow().format().orElseThrow()
                        .open(csv, ReadOptions.DETECT)) {
            connection.setAutoCommit(false);
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
                    if (terms) {
                        Customer c = new Customer(row.value(0));
                        c.setShortName(emptyToNull(row.value(1)));
                        for (String t : row.value(9).split(";")) {
                            if (!t.isBlank()) {
                                c.getTags().add(t);
                                tag.setLong(1, id);
                                tag.setString(2, t);
                                tag.addBatch();
                            }
                        }
                        SearchTerms.of(c); // the terms are computed as the index would (it is not written here)
                    }
                    id++;
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        if (terms) {
                            tag.executeBatch();
                        }
                        connection.commit();
                        pending = 0;
                    }
                }
                insert.executeBatch();
                if (terms) {
                    tag.executeBatch();
                }
                connection.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = size / seconds;
            System.out.printf("BENCH raw JDBC batch insert of the same rows%s: %.1f s = %,.0f rows/s%n",
                    terms ? " with their tags and search terms" : " (customer table only)", seconds, rate);
            return rate;
        } finally {
            try {
                Database.connect(new DatabaseSettings(settings.url().replaceAll(";.*", "") + ";shutdown=true", null, null)).close();
            } catch (java.sql.SQLException expected) {
                // Derby answers a shutdown with an exception
            }
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return dir;
    }

    /** Demo customers as a CRM export would have them, in UTF-8 with a byte-order mark. */
    private static void writeCsv(Path csv, int size) throws IOException {
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
