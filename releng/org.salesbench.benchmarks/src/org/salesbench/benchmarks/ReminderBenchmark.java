package org.salesbench.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.pool.CustomerPool;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.User;
import org.salesbench.workflow.internal.TaskServiceImpl;
import org.salesbench.workflow.internal.reminders.ReminderEngineImpl;
import org.salesbench.workflow.internal.reminders.ReminderRules;
import org.salesbench.workflow.reminders.ReminderRun;

/**
 * The reminder engine at scale: fills an embedded Derby database with bench.reminderCustomers customers (default
 * 1,000,000; 3 % with a follow-up date in the follow-up rule's look-back window, 5 % in the public pool) and
 * bench.opportunities opportunities (default 300,000; 60 % open, of which about one in eight idle in its stage for
 * more than two weeks and one in fifteen past its close date), 30,000 quotes (some about to expire) and 2,000 pool
 * warnings, not through the services (by Derby's bulk import, see {@link BenchBulkLoad}), or reuses one filled
 * before; then times the engine with its production rules and their default settings: the first run, which makes
 * the tasks, and repeated runs, which find the same occurrences and make nothing. Every invocation first deletes the
 * rule-made tasks of the run before, so the first run is measured each time. Goal on 2 cores: ≤ 5 s a run.
 */
class ReminderBenchmark {

    private static final int OWNERS = BenchSalesTeam.OWNERS;
    private static final int QUOTES = 30_000;
    private static final int POOL_WARNINGS = 2_000;
    private static final String[] QUOTE_STATES = { "DRAFT", "APPROVED", "SENT", "SENT", "ACCEPTED", "REJECTED" };

    @Test
    void reminders() throws SQLException, IOException {
        int customers = Integer.getInteger("bench.reminderCustomers", 1_000_000);
        int opportunities = Integer.getInteger("bench.opportunities", 300_000);
        Path dir = Path.of(System.getProperty("bench.db", "bench-db")).toAbsolutePath().normalize()
                .resolve("reminders-" + customers + "-" + opportunities);
        LocalSecurityService security = new LocalSecurityService("owner1");
        DatabaseSettings settings = DatabaseSettings.embedded(dir);
        try (Database db = Database.open(settings, security)) {
            long have = count(settings, "SB_OPPORTUNITY");
            if (have < opportunities && !Boolean.getBoolean("bench.measureOnly")) {
                if (have > 0) {
                    throw new IllegalStateException(dir + " holds " + have + " opportunities, fewer than " + opportunities + ": delete it to refill");
                }
                db.write(em -> {
                    for (int i = 0; i < OWNERS; i++) {
                        em.persist(new User(BenchSalesTeam.owner(i), BenchSalesTeam.owner(i)));
                    }
                    return null;
                });
                fill(settings, new PipelineServiceImpl(db, security, (entity, change, id) -> { }).pipelines(true), customers, opportunities);
            } else {
                System.out.printf("BENCH reusing %s with %,d customers and %,d opportunities%n", dir, count(settings, "SB_CUSTOMER"), have);
            }
            try (Connection c = Database.connect(settings); Statement s = c.createStatement()) {
                int deleted = s.executeUpdate("DELETE FROM SB_TASK WHERE CREATED_BY_RULE IS NOT NULL");
                System.out.printf("BENCH deleted %,d rule-made tasks of an earlier run%n", deleted);
            }
            TaskServiceImpl tasks = new TaskServiceImpl(db, security, (entity, change, id) -> { }, Clocks::system);
            measure(new ReminderEngineImpl(db, tasks, security, Clocks::system, ReminderRules::all));
            System.out.printf("BENCH tasks in the database: %,d%n", count(settings, "SB_TASK"));
        }
    }

    private static long count(DatabaseSettings settings, String table) throws SQLException {
        try (Connection c = Database.connect(settings); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void fill(DatabaseSettings settings, List<Pipeline> pipelines, int customers, int size) throws SQLException, IOException {
        long start = System.nanoTime();
        Random random = new Random(42);
        LocalDate today = LocalDate.now();
        Instant now = Instant.now();
        String stamp = Timestamp.from(now).toString();
        Path customerFile = Files.createTempFile("bench-customers", ".csv");
        Path opportunityFile = Files.createTempFile("bench-opportunities", ".csv");
        Path quoteFile = Files.createTempFile("bench-quotes", ".csv");
        try (Connection c = Database.connect(settings)) {
            c.setAutoCommit(false);
            long firstCustomer = BenchBulkLoad.reserveIds(c, customers + (long) size + QUOTES);
            long firstOpportunity = firstCustomer + customers;
            try (BufferedWriter out = Files.newBufferedWriter(customerFile)) {
                for (int i = 0; i < customers; i++) {
                    int share = random.nextInt(100);
                    // 3 % due within the follow-up rule's 30 days, 40 % ahead, 20 % long overdue, the rest none
                    LocalDate followUp = share < 3 ? today.minusDays(random.nextInt(31)) : share < 43 ? today.plusDays(1 + random.nextInt(90))
                            : share < 63 ? today.minusDays(31 + random.nextInt(335)) : null;
                    String owner = random.nextInt(100) < 5 ? CustomerPool.POOL_OWNER : BenchSalesTeam.owner(i % OWNERS);
                    // ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER, NAME, NORMALIZED_NAME, STATUS, NEXT_FOLLOW_UP
                    out.write((firstCustomer + i) + ",1," + stamp + ",bench," + stamp + ",bench," + owner + ",\"基准客户 " + i + " 有限公司\",基准客户" + i
                            + ",ACTIVE," + (followUp == null ? "" : followUp));
                    out.newLine();
                }
            }
            System.out.printf("BENCH customer file written, %.0f s%n", (System.nanoTime() - start) / 1e9);
            BenchBulkLoad.importFile(c, "SB_CUSTOMER", "ID,VERSION,CREATED_AT,CREATED_BY,UPDATED_AT,UPDATED_BY,OWNER,NAME,NORMALIZED_NAME,STATUS,NEXT_FOLLOW_UP",
                    customerFile);
            System.out.printf("BENCH %,d customers loaded, %.0f s%n", customers, (System.nanoTime() - start) / 1e9);
            try (BufferedWriter out = Files.newBufferedWriter(opportunityFile)) {
                for (int i = 0; i < size; i++) {
                    int p = random.nextInt(100);
                    Pipeline pipeline = pipelines.get(p < 60 ? 0 : p < 85 ? 1 : 2);
                    List<Stage> open = pipeline.getStages().stream().filter(s -> s.getKind() == StageKind.OPEN).toList();
                    int kind = random.nextInt(100);
                    Stage stage = kind < 60 ? open.get(random.nextInt(open.size()))
                            : pipeline.firstStage(kind < 85 ? StageKind.WON : StageKind.LOST).orElseThrow();
                    LocalDate close = stage.isClosed() ? today.minusDays(random.nextInt(730)) : today.plusDays(random.nextInt(450) - 90);
                    // one in eight entered its stage 15–120 days ago (idle past the rule's 14 days), the others within two weeks
                    Instant entered = now.minus(random.nextInt(8) == 0 ? 15 + random.nextInt(106) : random.nextInt(14), ChronoUnit.DAYS)
                            .minusSeconds(random.nextInt(86_400));
                    String owner = BenchSalesTeam.owner(random.nextInt(OWNERS));
                    BigDecimal amount = BigDecimal.valueOf(1_000_00L + random.nextInt(500_000_00), 2);
                    String category = stage.getKind() == StageKind.WON ? "CLOSED" : stage.getKind() == StageKind.LOST ? "OMITTED" : "PIPELINE";
                    // ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER, CUSTOMER_ID, NAME, AMOUNT, CURRENCY, CLOSE_DATE,
                    // CLOSE_MONTH, PIPELINE_ID, STAGE_ID, STATE, STAGE_ENTERED_AT, PROBABILITY, FORECAST_CATEGORY, CLOSED_ON
                    out.write((firstOpportunity + i) + ",1," + stamp + ",bench," + stamp + ",bench," + owner + ","
                            + (firstCustomer + random.nextInt(customers)) + ",\"商机 " + i + "\"," + amount.toPlainString() + ",CNY," + close + ","
                            + (close.getYear() * 100 + close.getMonthValue()) + "," + pipeline.getId() + "," + stage.getId() + ","
                            + stage.getKind().name() + "," + Timestamp.from(entered) + "," + stage.getProbability() + "," + category + ","
                            + (stage.isClosed() ? close : ""));
                    out.newLine();
                }
            }
            // quotes on every tenth deal, valid from 30 days back to 60 ahead
            try (BufferedWriter out = Files.newBufferedWriter(quoteFile)) {
                for (int i = 0; i < Math.min(QUOTES, size / 10); i++) {
                    // ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER, OPPORTUNITY_ID, QUOTE_VERSION, CURRENCY, VALID_UNTIL, STATUS
                    out.write((firstOpportunity + size + i) + ",1," + stamp + ",bench," + stamp + ",bench," + BenchSalesTeam.owner(random.nextInt(OWNERS))
                            + "," + (firstOpportunity + 10L * i) + ",1,CNY," + today.plusDays(random.nextInt(91) - 30) + ","
                            + QUOTE_STATES[random.nextInt(QUOTE_STATES.length)]);
                    out.newLine();
                }
            }
            System.out.printf("BENCH opportunity and quote files written, %.0f s%n", (System.nanoTime() - start) / 1e9);
            BenchBulkLoad.dropOpportunityInsertTriggers(c);
            BenchBulkLoad.importFile(c, "SB_OPPORTUNITY", "ID,VERSION,CREATED_AT,CREATED_BY,UPDATED_AT,UPDATED_BY,OWNER,CUSTOMER_ID,NAME,AMOUNT,CURRENCY,"
                    + "CLOSE_DATE,CLOSE_MONTH,PIPELINE_ID,STAGE_ID,STATE,STAGE_ENTERED_AT,PROBABILITY,FORECAST_CATEGORY,CLOSED_ON", opportunityFile);
            BenchBulkLoad.restoreOpportunityInsertTriggers(c);
            System.out.printf("BENCH %,d opportunities loaded, %.0f s%n", size, (System.nanoTime() - start) / 1e9);
            BenchBulkLoad.importFile(c, "SB_QUOTE", "ID,VERSION,CREATED_AT,CREATED_BY,UPDATED_AT,UPDATED_BY,OWNER,OPPORTUNITY_ID,QUOTE_VERSION,CURRENCY,"
                    + "VALID_UNTIL,STATUS", quoteFile);
            // warnings as the pool's sweep leaves them: customers 13 days from returning, warned today or in the last days
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SB_CUSTOMER_POOL_WARNING (CUSTOMER_ID, OWNER, FOLLOW_UP_AT, WARNED_AT, RETURN_ON)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < POOL_WARNINGS; i++) {
                    LocalDateTime warned = LocalDateTime.now().minusDays(random.nextInt(7));
                    ps.setLong(1, firstCustomer + (long) i * (customers / POOL_WARNINGS));
                    ps.setString(2, BenchSalesTeam.owner(i % OWNERS));
                    ps.setTimestamp(3, Timestamp.valueOf(warned.minusDays(23)));
                    ps.setTimestamp(4, Timestamp.valueOf(warned));
                    ps.setTimestamp(5, Timestamp.valueOf(warned.plusDays(7)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            BenchBulkLoad.updateStatistics(c, "SB_CUSTOMER", "SB_OPPORTUNITY", "SB_QUOTE");
        } finally {
            for (Path file : new Path[] { customerFile, opportunityFile, quoteFile }) {
                Files.deleteIfExists(file);
            }
        }
        System.out.printf("BENCH fill: %,d customers, %,d opportunities in %.0f s%n", customers, size, (System.nanoTime() - start) / 1e9);
    }

    private static void measure(ReminderEngineImpl engine) {
        System.out.printf("BENCH load average before the first run: %s%n", BenchTimings.loadAverage());
        double[][] first = BenchTimings.repeat(1, () -> print("first run", engine.run()));
        System.out.printf("BENCH first run: wall %.0f ms, cpu %.0f ms%n", first[0][0], first[1][0]);
        int runs = Integer.getInteger("bench.runs", 5);
        List<List<ReminderRun>> repeated = new ArrayList<>();
        double[][] samples = BenchTimings.repeat(runs, () -> repeated.add(print("repeated run " + (repeated.size() + 1), engine.run())));
        BenchTimings.report("repeated run (makes nothing new)", samples);
        Map<String, long[]> perRule = new LinkedHashMap<>();
        for (List<ReminderRun> run : repeated) {
            for (ReminderRun r : run) {
                perRule.computeIfAbsent(r.ruleId(), id -> new long[runs])[repeated.indexOf(run)] = r.millis();
            }
        }
        perRule.forEach((id, millis) -> {
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            System.out.printf("BENCH   %s over the repeated runs: p50 %d ms, max %d ms%n", id, sorted[(sorted.length - 1) / 2], sorted[sorted.length - 1]);
        });
        System.out.printf("BENCH load average after: %s%n", BenchTimings.loadAverage());
    }

    private static List<ReminderRun> print(String what, List<ReminderRun> runs) {
        long total = 0;
        for (ReminderRun r : runs) {
            System.out.printf("BENCH %s: %-16s found %,7d made %,7d in %,6d ms%s%n", what, r.ruleId(), r.found(), r.made(), r.millis(),
                    r.error() == null ? "" : " ERROR " + r.error());
            total += r.millis();
        }
        System.out.printf("BENCH %s: total of the rules %,d ms%n", what, total);
        return runs;
    }
}
