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
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.internal.MetricCatalogueImpl;
import org.salesbench.analytics.internal.ReportServiceImpl;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.internal.ForecastServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * The analytics reports at scale: fills an embedded Derby database with bench.analyticsSize opportunities
 * (default 1,000,000) over 20,000 customers (8 industries, 6 regions), 50 owners in 5 teams and the three
 * shipped pipelines, each opportunity with its stage history, not through the services (customers by raw JDBC batch
 * inserts, deals and their history by bulk import): the services would spend
 * the fill's time on validation, events and history objects, none of which the reports read; the deals and their
 * history go through Derby's bulk import (see {@code fill}). Then times the funnel,
 * the weighted forecast and won revenue by month, each over a year, as the Manager dashboard asks for them.
 * Goal on 2 cores: ≤ 1 s each.
 */
class AnalyticsBenchmark {

    private static final int CUSTOMERS = 20_000;
    private static final int OWNERS = BenchSalesTeam.OWNERS;
    private static final int BATCH = 5_000;
    private static final String[] INDUSTRIES = { "制造业", "软件", "金融", "零售", "医疗", "能源", "教育", "物流" };
    private static final String[] REGIONS = { "华东", "华北", "华南", "西南", "东北", "海外" };
    private static final String[] SOURCES = { "WEB", "REFERRAL", "EVENT", "PARTNER", "COLD_CALL" };
    private static final String[] CATEGORIES = { "PIPELINE", "PIPELINE", "BEST_CASE", "COMMIT" };

    @Test
    void reports() throws SQLException, IOException {
        int size = Integer.getInteger("bench.analyticsSize", 1_000_000);
        Path dir = Path.of(System.getProperty("bench.db", "bench-db")).toAbsolutePath().normalize().resolve("analytics-" + size);
        LocalSecurityService security = new LocalSecurityService("owner1");
        DatabaseSettings settings = DatabaseSettings.embedded(dir);
        try (Database db = Database.open(settings, security)) {
            PipelineServiceImpl pipelines = new PipelineServiceImpl(db, security, (entity, change, id) -> { });
            long have = count(settings);
            if (have < size && !Boolean.getBoolean("bench.measureOnly")) {
                if (have > 0) {
                    throw new IllegalStateException(dir + " holds " + have + " opportunities, fewer than " + size + ": delete it to refill");
                }
                fill(settings, pipelines.pipelines(true), size);
            } else {
                System.out.printf("BENCH reusing %s with %,d opportunities%n", dir, have);
            }
            measure(new ReportServiceImpl(db, security, new MetricCatalogueImpl(), new ForecastServiceImpl(db, security)));
        }
    }

    private static long count(DatabaseSettings settings) throws SQLException {
        try (Connection c = Database.connect(settings); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM SB_OPPORTUNITY")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void fill(DatabaseSettings settings, List<Pipeline> pipelines, int size) throws SQLException, IOException {
        long start = System.nanoTime();
        Random random = new Random(42);
        LocalDate today = LocalDate.now();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = Database.connect(settings)) {
            c.setAutoCommit(false);
            // ids: customers, teams, opportunities, then at most one history row per stage of each deal
            int maxStages = pipelines.stream().mapToInt(p -> p.getStages().size()).max().orElse(8);
            long firstId = BenchBulkLoad.reserveIds(c, CUSTOMERS + 5 + (long) size * (1 + maxStages));
            long id = firstId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SB_CUSTOMER (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER,"
                    + " NAME, NORMALIZED_NAME, STATUS, INDUSTRY, REGION) VALUES (?, 1, ?, 'bench', ?, 'bench', ?, ?, ?, 'ACTIVE', ?, ?)")) {
                for (int i = 0; i < CUSTOMERS; i++) {
                    ps.setLong(1, id++);
                    ps.setTimestamp(2, now);
                    ps.setTimestamp(3, now);
                    ps.setString(4, BenchSalesTeam.owner(i % OWNERS));
                    ps.setString(5, "基准客户 " + i + " 有限公司");
                    ps.setString(6, "基准客户" + i);
                    ps.setString(7, INDUSTRIES[i % INDUSTRIES.length]);
                    ps.setString(8, REGIONS[i % REGIONS.length]);
                    ps.addBatch();
                    if (i % BATCH == BATCH - 1) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            id = BenchSalesTeam.insertTeams(c, id, now);
            c.commit();
            long historyId = id + size;
            // Written to files and loaded with Derby's import procedure: into an empty table it is a bulk insert that
            // builds each index once by sorting, where row-by-row inserts (JDBC batches) maintain eight indexes and
            // the stage-total triggers per row and take half an hour for a million deals on a shared machine.
            Path opportunities = Files.createTempFile("bench-opportunities", ".csv");
            Path histories = Files.createTempFile("bench-stage-history", ".csv");
            try (BufferedWriter ops = Files.newBufferedWriter(opportunities); BufferedWriter hist = Files.newBufferedWriter(histories)) {
                String stamp = now.toString();
                for (int i = 0; i < size; i++) {
                    int p = random.nextInt(100);
                    Pipeline pipeline = pipelines.get(p < 60 ? 0 : p < 85 ? 1 : 2);
                    List<Stage> open = pipeline.getStages().stream().filter(s -> s.getKind() == StageKind.OPEN).toList();
                    int kind = random.nextInt(100);
                    // how far the deal got: open deals stand in a stage, lost ones stopped in one, won ones passed them all
                    int reached = kind < 85 ? random.nextInt(open.size()) : open.size() - 1;
                    Stage stage = kind < 60 ? open.get(reached)
                            : pipeline.firstStage(kind < 85 ? StageKind.WON : StageKind.LOST).orElseThrow();
                    LocalDate close = stage.isClosed() ? today.minusDays(random.nextInt(730)) : today.plusDays(random.nextInt(450) - 90);
                    LocalDate engaged = (stage.isClosed() ? close : today).minusDays(10 + random.nextInt(170));
                    long opportunityId = id++;
                    String owner = BenchSalesTeam.owner(random.nextInt(OWNERS));
                    BigDecimal amount = BigDecimal.valueOf(1_000_00L + random.nextInt(500_000_00), 2);
                    String category = stage.getKind() == StageKind.WON ? "CLOSED" : stage.getKind() == StageKind.LOST ? "OMITTED" : CATEGORIES[random.nextInt(4)];
                    // ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER, CUSTOMER_ID, NAME, AMOUNT, CURRENCY, CLOSE_DATE,
                    // CLOSE_MONTH, PIPELINE_ID, STAGE_ID, STATE, STAGE_ENTERED_AT, PROBABILITY, FORECAST_CATEGORY, CLOSED_ON, LOSS_REASON,
                    // ENGAGED_ON, SOURCE, INDUSTRY
                    ops.write(opportunityId + ",1," + stamp + ",bench," + stamp + ",bench," + owner + "," + (firstId + random.nextInt(CUSTOMERS))
                            + ",\"商机 " + i + "\"," + amount.toPlainString() + ",CNY," + close + "," + (close.getYear() * 100 + close.getMonthValue())
                            + "," + pipeline.getId() + "," + stage.getId() + "," + stage.getKind().name() + "," + stamp + "," + stage.getProbability()
                            + "," + category + "," + (stage.isClosed() ? close : "") + "," + (stage.getKind() == StageKind.LOST ? "价格" : "")
                            + "," + engaged + "," + SOURCES[random.nextInt(SOURCES.length)] + "," + INDUSTRIES[random.nextInt(INDUSTRIES.length)]);
                    ops.newLine();
                    // the stages it went through, a few days apart from the day selling began
                    Stage from = null;
                    LocalDate moved = engaged;
                    for (int s = 0; s <= reached; s++) {
                        history(hist, historyId++, stamp, owner, opportunityId, from, open.get(s), moved, amount);
                        from = open.get(s);
                        moved = moved.plusDays(1 + random.nextInt(10));
                    }
                    if (stage.isClosed()) {
                        history(hist, historyId++, stamp, owner, opportunityId, from, stage, close, amount);
                    }
                }
            }
            System.out.printf("BENCH files written, %.0f s%n", (System.nanoTime() - start) / 1e9);
            BenchBulkLoad.dropOpportunityInsertTriggers(c);
            BenchBulkLoad.importFile(c, "SB_OPPORTUNITY", "ID,VERSION,CREATED_AT,CREATED_BY,UPDATED_AT,UPDATED_BY,OWNER,CUSTOMER_ID,NAME,AMOUNT,CURRENCY,CLOSE_DATE,"
                    + "CLOSE_MONTH,PIPELINE_ID,STAGE_ID,STATE,STAGE_ENTERED_AT,PROBABILITY,FORECAST_CATEGORY,CLOSED_ON,LOSS_REASON,ENGAGED_ON,SOURCE,INDUSTRY",
                    opportunities);
            System.out.printf("BENCH opportunities loaded, %.0f s%n", (System.nanoTime() - start) / 1e9);
            BenchBulkLoad.importFile(c, "SB_STAGE_HISTORY", "ID,VERSION,CREATED_AT,CREATED_BY,UPDATED_AT,UPDATED_BY,OWNER,OPPORTUNITY_ID,FROM_STAGE_ID,TO_STAGE_ID,"
                    + "MOVED_BY,MOVED_AT,AMOUNT,CURRENCY,PROBABILITY", histories);
            System.out.printf("BENCH stage history loaded, %.0f s%n", (System.nanoTime() - start) / 1e9);
            BenchBulkLoad.restoreOpportunityInsertTriggers(c);
            System.out.printf("BENCH totals and furthest stages computed, %.0f s%n", (System.nanoTime() - start) / 1e9);
            try {
                Files.deleteIfExists(opportunities);
                Files.deleteIfExists(histories);
            } catch (IOException e) {
                System.out.println("BENCH temporary files left: " + e.getMessage());
            }
            BenchBulkLoad.updateStatistics(c, "SB_OPPORTUNITY", "SB_STAGE_HISTORY");
        }
        System.out.printf("BENCH fill: %,d opportunities in %.0f s%n", size, (System.nanoTime() - start) / 1e9);
    }

    private static void history(BufferedWriter out, long id, String stamp, String owner, long opportunityId, Stage from, Stage to,
            LocalDate day, BigDecimal amount) throws IOException {
        out.write(id + ",1," + stamp + ",bench," + stamp + ",bench," + owner + "," + opportunityId + "," + (from == null ? "" : from.getId())
                + "," + to.getId() + "," + owner + "," + Timestamp.valueOf(day.atTime(10, 0)) + "," + amount.toPlainString() + ",CNY,"
                + to.getProbability());
        out.newLine();
    }

    private static void measure(ReportServiceImpl reports) {
        LocalDate today = LocalDate.now();
        ReportFilter lastYear = ReportFilter.all().withPeriod(today.minusYears(1).plusDays(1), today);
        ReportFilter nextYear = ReportFilter.all().withPeriod(today.withDayOfMonth(1), today.withDayOfMonth(1).plusYears(1).minusDays(1));
        int runs = Integer.getInteger("bench.runs", 7);
        time(reports, "funnel, last 12 months", "funnel", lastYear, runs);
        time(reports, "forecast, next 12 months", "forecast", nextYear, runs);
        time(reports, "won revenue by month, last 12 months", "won-revenue", lastYear.withBy("month"), runs);
        // what else a dashboard shows, for the record
        time(reports, "won revenue by owner, last 12 months", "won-revenue", lastYear.withBy("owner"), 3);
        time(reports, "won revenue by month, one owner", "won-revenue", lastYear.withBy("month").withOwner("owner7"), 3);
        time(reports, "funnel, all time", "funnel", ReportFilter.all(), 3);
    }

    private static void time(ReportServiceImpl reports, String what, String reportId, ReportFilter filter, int runs) {
        ReportResult[] last = new ReportResult[1];
        last[0] = reports.run(reportId, filter); // warm up once, as a running workbench would be
        BenchTimings.report(what, BenchTimings.repeat(runs, () -> last[0] = reports.run(reportId, filter)));
        System.out.printf("BENCH   %d rows; first: %s%n", last[0].rows().size(), last[0].rows().isEmpty() ? "-" : last[0].rows().get(0).values());
    }
}
