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
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.internal.ImportEngine;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.ProductCatalog;
import org.salesbench.opportunities.internal.LeadServiceImpl;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.users.UserService;
import org.salesbench.users.internal.UserServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * Moving in at scale (issue 17): customers with external ids and tags, then one contact, one activity and one deal per
 * customer (a third open, a third won, a third lost with a reason; with its stage history: one row into an open deal's
 * stage, two for a closed one), then another CRM's stage history of the deals (Salesforce's OpportunityHistory.csv, target
 * stageHistory: a row a deal, a move before the import's own),
 * each file imported through {@link ImportEngine} (the bulk path: files over 1 MB on embedded Derby; valid-rows mode,
 * matching on the external id as a migration's re-run does) into one fresh embedded database, and each measured against
 * a raw JDBC batch insert (5,000 a batch, a commit each) of the same rows into the same tables (external ids included)
 * of another fresh database in the same run. Prints rows/s of each and the ratio, the figure that holds on a machine
 * shared with other work. Goals on 2 cores (from {@code salesbench cli import}, start-up included, which this in-process
 * run leaves out): customers ≥ 45,000 rows/s and ≥ 1.3× the raw batch; contacts and activities ≥ 30,000 rows/s;
 * opportunities with stage history ≥ 20,000 rows/s.
 * Size: -Dbench.importSize (default 100,000).
 */
class MoveInBenchmark {

    private static final int BATCH = 5_000;

    /** The move-in files of {@code size} rows in {@code base}, written unless they are there: customers, contacts, activities, deals, stage history. */
    static List<Path> files(int size, Path base) throws IOException {
        Files.createDirectories(base);
        List<Path> files = List.of(base.resolve("movein-customers-" + size + ".csv"), base.resolve("movein-contacts-" + size + ".csv"),
                base.resolve("movein-activities-" + size + ".csv"), base.resolve("movein-opportunities-" + size + ".csv"),
                base.resolve("movein-opportunity-history-" + size + ".csv"));
        writeFiles(size, files.get(0), files.get(1), files.get(2));
        writeDeals(size, files.get(3));
        writeHistory(size, files.get(4));
        return files;
    }

    @Test
    void moveIn() throws Exception {
        int size = Integer.getInteger("bench.importSize", 100_000);
        Path base = Path.of(System.getProperty("bench.db", "bench-db")).toAbsolutePath().normalize();
        List<Path> files = files(size, base);
        Path customers = files.get(0);
        Path contacts = files.get(1);
        Path activities = files.get(2);
        Path deals = files.get(3);
        Path history = files.get(4);

        LocalSecurityService security = new LocalSecurityService("bench");
        DomainEventPublisher quiet = (entity, change, id) -> { };
        double[] rates = new double[5];
        Path importDir = ImportBenchmark.fresh(base.resolve("movein-run"));
        try (Database db = Database.open(DatabaseSettings.embedded(importDir), security)) {
            CustomerServiceImpl service = new CustomerServiceImpl(db, security, quiet);
            OpportunityServiceImpl opportunities = new OpportunityServiceImpl(db, security, quiet);
            Map<Class<?>, Object> services = new HashMap<>(Map.of(CustomerService.class, service, SecurityService.class, security,
                    DomainEventPublisher.class, quiet, OpportunityService.class, opportunities, PipelineService.class,
                    new PipelineServiceImpl(db, security, quiet), UserService.class, new UserServiceImpl(db, security), LeadService.class,
                    new LeadServiceImpl(db, security, quiet, service, service, opportunities)));
            services.put(ProductCatalog.class, NO_PRODUCTS);
            ImportEngine engine = new ImportEngine(db, services::get);
            rates[0] = timed(engine, customers, "customers", size);
            rates[1] = timed(engine, contacts, "contacts", size);
            rates[2] = timed(engine, activities, "activities", size);
            rates[3] = timed(engine, deals, "opportunities", size);
            System.out.printf("BENCH stage history rows after the deals: %,d%n", db.read(em -> ((Number) em.createNativeQuery(
                    "SELECT COUNT(*) FROM SB_STAGE_HISTORY").getSingleResult()).longValue()));
            rates[4] = timed(engine, history, "stageHistory", size);
        }

        Path rawDir = ImportBenchmark.fresh(base.resolve("movein-raw"));
        DatabaseSettings settings = DatabaseSettings.embedded(rawDir);
        Database.open(settings, security).close(); // the same schema, migrated
        double[] raw = new double[5];
        try (Connection connection = Database.connect(settings)) {
            connection.setAutoCommit(false);
            raw[0] = rawCustomers(connection, size);
            raw[1] = rawContacts(connection, size);
            raw[2] = rawActivities(connection, size);
            raw[3] = rawDeals(connection, size);
            raw[4] = rawHistory(connection, size);
        }
        String[] names = { "customers with external ids and tags", "contacts (a phone, an e-mail, an external id)",
                "activities (with an external id)", "opportunities with stage history (and an external id)",
                "Salesforce's OpportunityHistory rows (a move each, and an external id)" };
        String[] goals = { "≥ 45,000 rows/s and ≥ 1.3×", "≥ 30,000 rows/s", "≥ 30,000 rows/s", "≥ 20,000 rows/s", "≥ 20,000 rows/s" };
        for (int i = 0; i < 5; i++) {
            System.out.printf("BENCH %s: import %,.0f rows/s, raw JDBC batch %,.0f rows/s, ratio %.2f (goal %s)%n", names[i], rates[i], raw[i],
                    rates[i] / raw[i], goals[i]);
        }
        System.out.printf("BENCH load average: %s%n", BenchTimings.loadAverage());
    }

    private static double timed(ImportEngine engine, Path file, String target, int size) throws IOException {
        ImportSettings settings = new ImportSettings(target, engine.preview(file, ReadOptions.DETECT, target).mapping()).withMode(Mode.VALID_ROWS)
                .withBatchSize(BATCH).withMatch(new MatchPolicy(List.of("externalId"), OnMatch.SKIP));
        long start = System.nanoTime();
        ImportResult result = engine.run(file, ReadOptions.DETECT, settings, new NullProgressMonitor());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH import %s: %,d rows in %.1f s = %,.0f rows/s (created %,d, skipped %,d, failed %,d%s)%n", target, size, seconds,
                size / seconds, result.created(), result.skipped(), result.failed(),
                result.errors().isEmpty() ? "" : "; first error: " + result.errors().get(0).message());
        if (result.created() != size) {
            throw new IllegalStateException(target + ": " + result.created() + " of " + size + " created");
        }
        // the customers' search index catches up in the background after a load (queries wait for it meanwhile): timed
        // apart, and waited for here so that it does not run into the next file's time
        long indexStart = System.nanoTime();
        try {
            Job.getJobManager().join(CustomerSearch.FAMILY, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.printf("BENCH search index of %s caught up %.1f s after the import returned%n", target, (System.nanoTime() - indexStart) / 1e9);
        return size / seconds;
    }

    static void writeFiles(int size, Path customers, Path contacts, Path activities) throws IOException {
        if (Files.exists(customers) && Files.exists(contacts) && Files.exists(activities)) {
            return;
        }
        try (BufferedWriter c = Files.newBufferedWriter(customers, StandardCharsets.UTF_8);
                BufferedWriter k = Files.newBufferedWriter(contacts, StandardCharsets.UTF_8);
                BufferedWriter a = Files.newBufferedWriter(activities, StandardCharsets.UTF_8)) {
            c.write("Name,Industry,Region,Address,Tags,External ID\r\n");
            k.write("Customer External ID,Name,Title,Phone,Email,External ID\r\n");
            a.write("Customer External ID,Type,Date,Summary,Outcome,External ID\r\n");
            for (int i = 0; i < size; i++) {
                c.write(customerName(i) + ",软件,华东,上海市浦东新区张江路" + i + "号," + tags(i) + ",ACC-" + i + "\r\n");
                k.write("ACC-" + i + "," + contactName(i) + ",采购经理," + phone(i) + "," + email(i) + ",CON-" + i + "\r\n");
                a.write("ACC-" + i + ",CALL," + occurred(i).toString().replace('T', ' ') + "," + summary(i) + ",有兴趣,ACT-" + i + "\r\n");
            }
        }
    }

    /** No product catalogue: the deals name no product (the opportunities target reads the list once). */
    private static final ProductCatalog NO_PRODUCTS = new ProductCatalog() {
        @Override
        public List<CatalogProduct> list(boolean activeOnly) {
            return List.of();
        }

        @Override
        public Optional<CatalogProduct> find(long id) {
            return Optional.empty();
        }

        @Override
        public Optional<CatalogProduct> findByCode(String code) {
            return Optional.empty();
        }
    };

    /** The stage of deal {@code i} in the default pipeline: a third open, a third won, a third lost. */
    private static String dealStage(int i) {
        return switch (i % 3) {
        case 0 -> "Needs analysis";
        case 1 -> "Closed won";
        default -> "Closed lost";
        };
    }

    static void writeDeals(int size, Path deals) throws IOException {
        if (Files.exists(deals)) {
            return;
        }
        try (BufferedWriter d = Files.newBufferedWriter(deals, StandardCharsets.UTF_8)) {
            d.write("Account ID,Opportunity Name,Amount,Currency,Stage,Close Date,Created Date,Loss Reason,External ID\r\n");
            for (int i = 0; i < size; i++) {
                d.write("ACC-" + i + ",年度采购 " + i + "," + (1000 + i % 90_000) + ",CNY," + dealStage(i) + "," + dealClose(i) + ","
                        + dealCreated(i) + "," + (i % 3 == 2 ? "PRICE" : "") + ",OPP-" + i + "\r\n");
            }
        }
    }

    /**
     * Another CRM's stage history of the deals, a row each: an open deal was in Qualification the day it was created
     * (before the import's own row into its stage), a closed one in Proposal.
     */
    static void writeHistory(int size, Path history) throws IOException {
        if (Files.exists(history)) {
            return;
        }
        try (BufferedWriter h = Files.newBufferedWriter(history, StandardCharsets.UTF_8)) {
            h.write("Id,OpportunityId,StageName,Amount,CreatedDate\r\n");
            for (int i = 0; i < size; i++) {
                h.write("HIST-" + i + ",OPP-" + i + "," + historyStage(i) + "," + (1000 + i % 90_000) + "," + dealCreated(i) + "T10:00:00Z\r\n");
            }
        }
    }

    private static String historyStage(int i) {
        return i % 3 == 0 ? "Qualification" : "Proposal";
    }

    /** The history rows as rows: a move into the file's stage, its external id. */
    static double rawHistory(Connection connection, int size) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        Map<String, Long> stages = new HashMap<>();
        try (var rs = connection.createStatement().executeQuery("SELECT s.NAME, s.ID FROM SB_STAGE s JOIN SB_PIPELINE p ON p.ID = s.PIPELINE_ID "
                + "WHERE p.NAME = 'New business'")) {
            while (rs.next()) {
                stages.put(rs.getString(1), rs.getLong(2));
            }
        }
        PreparedStatement history = connection.prepareStatement("INSERT INTO SB_STAGE_HISTORY (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, "
                + "UPDATED_BY, OWNER, OPPORTUNITY_ID, FROM_STAGE_ID, TO_STAGE_ID, MOVED_BY, MOVED_AT, AMOUNT, CURRENCY, PROBABILITY) VALUES "
                + "(?, 1, ?, 'bench', ?, 'bench', 'bench', ?, NULL, ?, 'bench', ?, ?, 'CNY', 10)");
        PreparedStatement external = connection.prepareStatement("INSERT INTO SB_STAGE_HISTORY_EXTERNAL_ID (ENTITY, EXTERNAL_ID, RECORD_ID) VALUES "
                + "('stageHistory', ?, ?)");
        return batches(connection, size, List.of(history, external), (i, id) -> {
            long dealId = id + 60_000_000L;
            long historyId = id + 200_000_000L; // past the deals' own history rows
            history.setLong(1, historyId);
            history.setTimestamp(2, now);
            history.setTimestamp(3, now);
            history.setLong(4, dealId);
            history.setLong(5, stages.get(historyStage(i)));
            history.setTimestamp(6, Timestamp.valueOf(dealCreated(i).atTime(10, 0)));
            history.setBigDecimal(7, java.math.BigDecimal.valueOf(1000 + i % 90_000));
            history.addBatch();
            external.setString(1, "HIST-" + i);
            external.setLong(2, historyId);
            external.addBatch();
        }, "stage history rows with their external ids");
    }

    private static java.time.LocalDate dealClose(int i) {
        return i % 3 == 0 ? java.time.LocalDate.of(2030, 1, 1).plusDays(i % 700) : java.time.LocalDate.of(2025, 1, 1).plusDays(i % 300);
    }

    private static java.time.LocalDate dealCreated(int i) {
        return java.time.LocalDate.of(2024, 6, 1).plusDays(i % 200);
    }

    private static String customerName(int i) {
        return "搬家测试科技有限公司 " + i;
    }

    private static String tags(int i) {
        return i % 3 == 0 ? "重点;华东" : "华东";
    }

    private static String contactName(int i) {
        return "联系人" + i;
    }

    private static String phone(int i) {
        return String.format("138%08d", i);
    }

    private static String email(int i) {
        return "k" + i + "@example.com";
    }

    private static LocalDateTime occurred(int i) {
        return LocalDateTime.of(2026, 1, 1, 9, 0).plusMinutes(i % 500_000);
    }

    private static String summary(int i) {
        return "首次电话沟通 " + i;
    }

    private interface RowWriter {
        void write(int i, long id) throws Exception;
    }

    /** Inserts {@code size} rows through {@code writer} in batches of {@link #BATCH}, a commit each; returns rows/s. */
    private static double batches(Connection connection, int size, List<PreparedStatement> statements, RowWriter writer, String what)
            throws Exception {
        long start = System.nanoTime();
        int pending = 0;
        for (int i = 0; i < size; i++) {
            writer.write(i, 10_000_000L + i);
            if (++pending == BATCH) {
                for (PreparedStatement s : statements) {
                    s.executeBatch();
                }
                connection.commit();
                pending = 0;
            }
        }
        for (PreparedStatement s : statements) {
            s.executeBatch();
        }
        connection.commit();
        for (PreparedStatement s : statements) {
            s.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH raw JDBC batch insert of the same %s: %.1f s = %,.0f rows/s%n", what, seconds, size / seconds);
        return size / seconds;
    }

    static double rawCustomers(Connection connection, int size) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        PreparedStatement insert = connection.prepareStatement("INSERT INTO SB_CUSTOMER (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, "
                + "UPDATED_BY, OWNER, NAME, NORMALIZED_NAME, INDUSTRY, REGION, ADDRESS, STATUS) VALUES (?, 1, ?, 'bench', ?, 'bench', 'bench', ?, ?, "
                + "'软件', '华东', ?, 'PROSPECT')");
        PreparedStatement tag = connection.prepareStatement("INSERT INTO SB_CUSTOMER_TAG (CUSTOMER_ID, TAG) VALUES (?, ?)");
        PreparedStatement external = connection.prepareStatement("INSERT INTO SB_IMPORT_EXTERNAL_ID (ENTITY, EXTERNAL_ID, RECORD_ID) VALUES "
                + "('customer', ?, ?)");
        return batches(connection, size, List.of(insert, tag, external), (i, id) -> {
            insert.setLong(1, id);
            insert.setTimestamp(2, now);
            insert.setTimestamp(3, now);
            insert.setString(4, customerName(i));
            insert.setString(5, customerName(i).toLowerCase());
            insert.setString(6, "上海市浦东新区张江路" + i + "号");
            insert.addBatch();
            for (String t : tags(i).split(";")) {
                tag.setLong(1, id);
                tag.setString(2, t);
                tag.addBatch();
            }
            external.setString(1, "ACC-" + i);
            external.setLong(2, id);
            external.addBatch();
        }, "customers with their tags and external ids");
    }

    static double rawContacts(Connection connection, int size) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        PreparedStatement insert = connection.prepareStatement("INSERT INTO SB_CONTACT (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, "
                + "UPDATED_BY, OWNER, CUSTOMER_ID, NAME, TITLE, IS_PRIMARY) VALUES (?, 1, ?, 'bench', ?, 'bench', 'bench', ?, ?, '采购经理', FALSE)");
        PreparedStatement phone = connection.prepareStatement("INSERT INTO SB_CONTACT_PHONE (CONTACT_ID, POSITION, PHONE) VALUES (?, 0, ?)");
        PreparedStatement email = connection.prepareStatement("INSERT INTO SB_CONTACT_EMAIL (CONTACT_ID, POSITION, EMAIL) VALUES (?, 0, ?)");
        PreparedStatement external = connection.prepareStatement("INSERT INTO SB_CONTACT_EXTERNAL_ID (ENTITY, EXTERNAL_ID, RECORD_ID) VALUES "
                + "('contact', ?, ?)");
        return batches(connection, size, List.of(insert, phone, email, external), (i, id) -> {
            long contactId = id + 20_000_000L;
            insert.setLong(1, contactId);
            insert.setTimestamp(2, now);
            insert.setTimestamp(3, now);
            insert.setLong(4, id);
            insert.setString(5, contactName(i));
            insert.addBatch();
            phone.setLong(1, contactId);
            phone.setString(2, phone(i));
            phone.addBatch();
            email.setLong(1, contactId);
            email.setString(2, email(i));
            email.addBatch();
            external.setString(1, "CON-" + i);
            external.setLong(2, contactId);
            external.addBatch();
        }, "contacts with their phones, e-mails and external ids");
    }

    static double rawActivities(Connection connection, int size) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        PreparedStatement insert = connection.prepareStatement("INSERT INTO SB_ACTIVITY (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, "
                + "UPDATED_BY, OWNER, CUSTOMER_ID, ACTIVITY_TYPE, OCCURRED_AT, PERFORMED_BY, SUMMARY, OUTCOME) VALUES (?, 1, ?, 'bench', ?, 'bench', "
                + "'bench', ?, 'CALL', ?, 'bench', ?, '有兴趣')");
        PreparedStatement external = connection.prepareStatement("INSERT INTO SB_ACTIVITY_EXTERNAL_ID (ENTITY, EXTERNAL_ID, RECORD_ID) VALUES "
                + "('activity', ?, ?)");
        return batches(connection, size, List.of(insert, external), (i, id) -> {
            long activityId = id + 40_000_000L;
            insert.setLong(1, activityId);
            insert.setTimestamp(2, now);
            insert.setTimestamp(3, now);
            insert.setLong(4, id);
            insert.setTimestamp(5, Timestamp.valueOf(occurred(i)));
            insert.setString(6, summary(i));
            insert.addBatch();
            external.setString(1, "ACT-" + i);
            external.setLong(2, activityId);
            external.addBatch();
        }, "activities with their external ids");
    }

    /** The same deals as rows: the deal, its stage history (one row, or two for a closed deal) and its external id. */
    static double rawDeals(Connection connection, int size) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        Map<String, long[]> stages = new HashMap<>(); // name -> id, probability
        long pipeline;
        try (var rs = connection.createStatement().executeQuery("SELECT s.NAME, s.ID, s.PROBABILITY, s.PIPELINE_ID FROM SB_STAGE s "
                + "JOIN SB_PIPELINE p ON p.ID = s.PIPELINE_ID WHERE p.NAME = 'New business'")) {
            long p = 0;
            while (rs.next()) {
                stages.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
                p = rs.getLong(4);
            }
            pipeline = p;
        }
        long first = stages.get("Qualification")[0];
        PreparedStatement insert = connection.prepareStatement("INSERT INTO SB_OPPORTUNITY (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, "
                + "UPDATED_BY, OWNER, CUSTOMER_ID, NAME, AMOUNT, CURRENCY, CLOSE_DATE, CLOSE_MONTH, PIPELINE_ID, STAGE_ID, STATE, STAGE_ENTERED_AT, "
                + "PROBABILITY, FORECAST_CATEGORY, LOSS_REASON, CLOSED_ON, INDUSTRY, ENGAGED_ON) VALUES (?, 1, ?, 'bench', ?, 'bench', 'bench', ?, ?, "
                + "?, 'CNY', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '软件', ?)");
        PreparedStatement history = connection.prepareStatement("INSERT INTO SB_STAGE_HISTORY (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, "
                + "UPDATED_BY, OWNER, OPPORTUNITY_ID, FROM_STAGE_ID, TO_STAGE_ID, MOVED_BY, MOVED_AT, AMOUNT, CURRENCY, PROBABILITY) VALUES "
                + "(?, 1, ?, 'bench', ?, 'bench', 'bench', ?, ?, ?, 'bench', ?, ?, 'CNY', ?)");
        PreparedStatement external = connection.prepareStatement("INSERT INTO SB_OPPORTUNITY_EXTERNAL_ID (ENTITY, EXTERNAL_ID, RECORD_ID) VALUES "
                + "('opportunity', ?, ?)");
        return batches(connection, size, List.of(insert, history, external), (i, id) -> {
            long dealId = id + 60_000_000L;
            long[] stage = stages.get(dealStage(i));
            boolean closed = i % 3 != 0;
            java.time.LocalDate close = dealClose(i);
            java.math.BigDecimal amount = java.math.BigDecimal.valueOf(1000 + i % 90_000);
            insert.setLong(1, dealId);
            insert.setTimestamp(2, now);
            insert.setTimestamp(3, now);
            insert.setLong(4, id);
            insert.setString(5, "年度采购 " + i);
            insert.setBigDecimal(6, amount);
            insert.setDate(7, java.sql.Date.valueOf(close));
            insert.setInt(8, close.getYear() * 100 + close.getMonthValue());
            insert.setLong(9, pipeline);
            insert.setLong(10, stage[0]);
            insert.setString(11, i % 3 == 0 ? "OPEN" : i % 3 == 1 ? "WON" : "LOST");
            insert.setTimestamp(12, now);
            insert.setInt(13, (int) stage[1]);
            insert.setString(14, i % 3 == 0 ? "PIPELINE" : i % 3 == 1 ? "CLOSED" : "OMITTED");
            insert.setString(15, i % 3 == 2 ? "PRICE" : null);
            insert.setDate(16, closed ? java.sql.Date.valueOf(close) : null);
            insert.setDate(17, java.sql.Date.valueOf(closed && close.isBefore(dealCreated(i)) ? close : dealCreated(i)));
            insert.addBatch();
            long historyId = dealId + 20_000_000L;
            history.setLong(1, historyId);
            history.setTimestamp(2, now);
            history.setTimestamp(3, now);
            history.setLong(4, dealId);
            history.setNull(5, java.sql.Types.BIGINT);
            history.setLong(6, closed ? first : stage[0]);
            history.setTimestamp(7, now);
            history.setBigDecimal(8, amount);
            history.setInt(9, 25);
            history.addBatch();
            if (closed) {
                history.setLong(1, historyId + 10_000_000L);
                history.setTimestamp(2, now);
                history.setTimestamp(3, now);
                history.setLong(4, dealId);
                history.setLong(5, first);
                history.setLong(6, stage[0]);
                history.setTimestamp(7, now);
                history.setBigDecimal(8, amount);
                history.setInt(9, (int) stage[1]);
                history.addBatch();
            }
            external.setString(1, "OPP-" + i);
            external.setLong(2, dealId);
            external.addBatch();
        }, "opportunities with their stage history and external ids");
    }
}
