package org.salesbench.benchmarks;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.opportunities.Board;
import org.salesbench.opportunities.BoardColumn;
import org.salesbench.opportunities.BoardFilter;
import org.salesbench.opportunities.ForecastGrouping;
import org.salesbench.opportunities.ForecastQuery;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.internal.ForecastServiceImpl;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * The pipeline board and the weighted forecast at scale: fills an embedded Derby database with
 * bench.opportunities opportunities (default 300,000) over 20,000 customers, 50 owners in 5
 * teams and the three shipped pipelines, by raw JDBC batch inserts (the services would spend the
 * time on validation and history, not on what is measured), then times what users wait for.
 * Goals on 2 cores: board open ≤ 300 ms, forecast ≤ 500 ms.
 */
class OpportunityBoardBenchmark {

    private static final int CUSTOMERS = 20_000;
    private static final int OWNERS = BenchSalesTeam.OWNERS;
    private static final int BATCH = 5_000;

    @Test
    void boardAndForecast() throws SQLException {
        int size = Integer.getInteger("bench.opportunities", 300_000);
        Path dir = Path.of(System.getProperty("bench.db", "bench-db")).toAbsolutePath().normalize().resolve("opportunities-" + size);
        LocalSecurityService security = new LocalSecurityService("owner1");
        DatabaseSettings settings = DatabaseSettings.embedded(dir);
        try (Database db = Database.open(settings, security)) {
            PipelineServiceImpl pipelines = new PipelineServiceImpl(db, security, (entity, change, id) -> { });
            OpportunityServiceImpl opportunities = new OpportunityServiceImpl(db, security, (entity, change, id) -> { });
            ForecastServiceImpl forecast = new ForecastServiceImpl(db, security);
            long have = opportunities.count(OpportunityFilter.ALL);
            if (have < size && !Boolean.getBoolean("bench.measureOnly")) {
                if (have > 0) {
                    throw new IllegalStateException(dir + " holds " + have + " opportunities, fewer than " + size + ": delete it to refill");
                }
                fill(settings, pipelines.pipelines(true), size);
            } else {
                System.out.printf("BENCH reusing %s with %,d opportunities%n", dir, have);
            }
            measure(pipelines, opportunities, forecast);
        }
    }

    static void fill(DatabaseSettings settings, List<Pipeline> pipelines, int size) throws SQLException {
        long start = System.nanoTime();
        Random random = new Random(42);
        LocalDate today = LocalDate.now();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = Database.connect(settings)) {
            c.setAutoCommit(false);
            long firstId = BenchBulkLoad.reserveIds(c, CUSTOMERS + size + 5);
            long id = firstId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SB_CUSTOMER (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER,"
                    + " NAME, NORMALIZED_NAME, STATUS) VALUES (?, 1, ?, 'bench', ?, 'bench', ?, ?, ?, 'ACTIVE')")) {
                for (int i = 0; i < CUSTOMERS; i++) {
                    ps.setLong(1, id++);
                    ps.setTimestamp(2, now);
                    ps.setTimestamp(3, now);
                    ps.setString(4, BenchSalesTeam.owner(i % OWNERS));
                    ps.setString(5, "基准客户 " + i + " 有限公司");
                    ps.setString(6, "基准客户" + i);
                    ps.addBatch();
                    if (i % BATCH == BATCH - 1) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            id = BenchSalesTeam.insertTeams(c, id, now);
            c.commit();
            String[] categories = { "PIPELINE", "PIPELINE", "BEST_CASE", "COMMIT" };
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SB_OPPORTUNITY (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER,"
                    + " CUSTOMER_ID, NAME, AMOUNT, CURRENCY, CLOSE_DATE, CLOSE_MONTH, PIPELINE_ID, STAGE_ID, STATE, STAGE_ENTERED_AT, PROBABILITY,"
                    + " FORECAST_CATEGORY, CLOSED_ON, LOSS_REASON) VALUES (?, 1, ?, 'bench', ?, 'bench', ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < size; i++) {
                    int p = random.nextInt(100);
                    Pipeline pipeline = pipelines.get(p < 60 ? 0 : p < 85 ? 1 : 2);
                    int kind = random.nextInt(100);
                    List<Stage> stages = pipeline.getStages();
                    Stage stage;
                    if (kind < 60) {
                        List<Stage> open = stages.stream().filter(s -> s.getKind() == StageKind.OPEN).toList();
                        stage = open.get(random.nextInt(open.size()));
                    } else {
                        stage = pipeline.firstStage(kind < 85 ? StageKind.WON : StageKind.LOST).orElseThrow();
                    }
                    LocalDate close = stage.isClosed() ? today.minusDays(random.nextInt(730)) : today.plusDays(random.nextInt(450) - 90);
                    ps.setLong(1, id++);
                    ps.setTimestamp(2, now);
                    ps.setTimestamp(3, now);
                    ps.setString(4, BenchSalesTeam.owner(random.nextInt(OWNERS)));
                    ps.setLong(5, firstId + random.nextInt(CUSTOMERS));
                    ps.setString(6, "商机 " + i);
                    ps.setBigDecimal(7, BigDecimal.valueOf(1_000_00L + random.nextInt(500_000_00), 2));
                    ps.setDate(8, Date.valueOf(close));
                    ps.setInt(9, close.getYear() * 100 + close.getMonthValue());
                    ps.setLong(10, pipeline.getId());
                    ps.setLong(11, stage.getId());
                    ps.setString(12, stage.getKind().name());
                    ps.setTimestamp(13, now);
                    ps.setInt(14, stage.getProbability());
                    ps.setString(15, stage.getKind() == StageKind.WON ? "CLOSED" : stage.getKind() == StageKind.LOST ? "OMITTED" : categories[random.nextInt(4)]);
                    ps.setDate(16, stage.isClosed() ? Date.valueOf(close) : null);
                    ps.setString(17, stage.getKind() == StageKind.LOST ? "价格" : null);
                    ps.addBatch();
                    if (i % BATCH == BATCH - 1) {
                        ps.executeBatch();
                        c.commit();
                    }
                    if (i % 50_000 == 49_999) {
                        System.out.printf("BENCH filled %,d opportunities, %.0f s%n", i + 1, (System.nanoTime() - start) / 1e9);
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            BenchBulkLoad.updateStatistics(c, "SB_OPPORTUNITY");
        }
        System.out.printf("BENCH fill: %,d opportunities in %.0f s%n", size, (System.nanoTime() - start) / 1e9);
    }

    private static void measure(PipelineServiceImpl pipelines, OpportunityServiceImpl opportunities, ForecastServiceImpl forecast) {
        List<Pipeline> all = pipelines.pipelines(true);
        Pipeline newBusiness = all.get(0);
        YearMonth month = YearMonth.now();
        ForecastQuery year = ForecastQuery.months(month, month.plusMonths(11), ForecastGrouping.NONE);
        // warm up once, as a running workbench would be
        opportunities.board(newBusiness.getId(), BoardFilter.ALL, 20);
        forecast.forecast(year);

        Board[] board = new Board[1];
        BenchTimings.report("board open (new business, everyone, 20 cards a column)", BenchTimings.repeat(10, () -> board[0] = opportunities.board(newBusiness.getId(), BoardFilter.ALL, 20)));
        System.out.printf("BENCH   columns: %s%n", board[0].columns().stream().map(c -> c.label() + "=" + c.count()).toList());
        for (Pipeline p : all) {
            BenchTimings.report("board open (" + p.getName() + ")", BenchTimings.repeat(5, () -> opportunities.board(p.getId(), BoardFilter.ALL, 20)));
        }
        BenchTimings.report("board mine", BenchTimings.repeat(10, () -> opportunities.board(newBusiness.getId(), BoardFilter.mine("owner7"), 20)));
        BenchTimings.report("board closing this quarter", BenchTimings.repeat(10, () -> opportunities.board(newBusiness.getId(), new BoardFilter(Set.of(), true, false), 20)));
        BenchTimings.report("board overdue", BenchTimings.repeat(10, () -> opportunities.board(newBusiness.getId(), new BoardFilter(Set.of(), false, true), 20)));
        long total = board[0].columns().stream().mapToLong(BoardColumn::count).sum();
        System.out.printf("BENCH   open-board total %,d%n", total);

        int[] rows = new int[1];
        BenchTimings.report("forecast 12 months by category", BenchTimings.repeat(10, () -> rows[0] = forecast.forecast(year).size()));
        System.out.printf("BENCH   %d rows%n", rows[0]);
        for (ForecastGrouping grouping : List.of(ForecastGrouping.OWNER, ForecastGrouping.TEAM, ForecastGrouping.PIPELINE)) {
            BenchTimings.report("forecast 12 months by category and " + grouping.name().toLowerCase(),
                    BenchTimings.repeat(10, () -> forecast.forecast(ForecastQuery.months(month, month.plusMonths(11), grouping))));
        }
        BenchTimings.report("forecast of one owner", BenchTimings.repeat(10, () -> forecast.forecast(new ForecastQuery(month, month.plusMonths(11), ForecastGrouping.NONE, null, "owner7", null))));
        BenchTimings.report("forecast of one pipeline", BenchTimings.repeat(10, () -> forecast.forecast(new ForecastQuery(month, month.plusMonths(11), ForecastGrouping.NONE, newBusiness.getId(), null, null))));
    }
}
