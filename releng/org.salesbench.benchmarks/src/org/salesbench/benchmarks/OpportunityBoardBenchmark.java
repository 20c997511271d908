package org.salesbench.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
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
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.Scope;
import org.salesbench.core.security.SecurityService;
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
            measureWithAccess(db, settings, pipelines.pipelines(true).get(0));
        }
    }

    /**
     * The board as the shipped roles read it, in the same run: the local owner (every right: the board's open counts
     * come from the running totals), a sales rep (opportunities: their own) and a sales manager (their subordinates':
     * team 0's 10 owners), each through a service that checks that user's rights on every call. An embedded database
     * has one user, so no row is filtered here (that is PostgreSQL's row-level security: {@code TeamAccessBenchmark});
     * what record-level access costs on Derby is the checks and the counts read from the rows instead of the totals.
     * The baseline is the board's work in bare JDBC on the same connection pool's database: the open deals of the
     * pipeline counted and summed by stage and the first 20 of each stage by close date.
     */
    private static void measureWithAccess(Database db, DatabaseSettings settings, Pipeline newBusiness) throws SQLException {
        var publisher = (org.salesbench.core.events.DomainEventPublisher) (entity, change, id) -> { };
        java.util.Set<String> team = new java.util.HashSet<>();
        for (int i = 0; i < OWNERS / 5; i++) {
            team.add(BenchSalesTeam.owner(i));
        }
        Map<String, SecurityService> users = new java.util.LinkedHashMap<>();
        users.put("owner (every right)", new LocalSecurityService("owner1"));
        users.put("rep (own deals)", new ScopedSecurity(BenchSalesTeam.owner(0), "sales_rep", Scope.OWN, Set.of(BenchSalesTeam.owner(0))));
        users.put("manager of 10 owners", new ScopedSecurity("bench.manager", "sales_manager", Scope.SUBORDINATES, team));
        System.out.printf("BENCH --- board with record-level access (New business, 20 cards a column); load average %s%n", BenchTimings.loadAverage());
        try (Connection c = Database.connect(settings)) {
            bareBoard(c, newBusiness);
            BenchTimings.report("bare JDBC baseline: open counts by stage + 20 cards a stage", BenchTimings.repeat(20, () -> bareBoard(c, newBusiness)));
        }
        for (var user : users.entrySet()) {
            OpportunityServiceImpl service = new OpportunityServiceImpl(db, user.getValue(), publisher);
            service.board(newBusiness.getId(), BoardFilter.ALL, 20);
            BenchTimings.report("board as " + user.getKey(), BenchTimings.repeat(20, () -> service.board(newBusiness.getId(), BoardFilter.ALL, 20)));
            System.out.printf("BENCH   load average %s%n", BenchTimings.loadAverage());
        }
        System.out.printf("BENCH --- bare JDBC baseline again; load average %s%n", BenchTimings.loadAverage());
        try (Connection c = Database.connect(settings)) {
            BenchTimings.report("bare JDBC baseline: open counts by stage + 20 cards a stage", BenchTimings.repeat(20, () -> bareBoard(c, newBusiness)));
        }
    }

    /** The board's reads without the services: the pipeline's open deals counted and summed by stage, then 20 of each stage. */
    private static int bareBoard(Connection c, Pipeline pipeline) {
        int rows = 0;
        try (PreparedStatement counts = c.prepareStatement("SELECT STAGE_ID, CURRENCY, COUNT(*), SUM(AMOUNT) FROM SB_OPPORTUNITY"
                + " WHERE PIPELINE_ID = ? AND STATE = 'OPEN' AND DELETED_AT IS NULL GROUP BY STAGE_ID, CURRENCY");
                PreparedStatement cards = c.prepareStatement("SELECT ID, NAME, AMOUNT, CLOSE_DATE, OWNER FROM SB_OPPORTUNITY"
                        + " WHERE STAGE_ID = ? AND DELETED_AT IS NULL ORDER BY CLOSE_DATE, ID FETCH FIRST 20 ROWS ONLY")) {
            counts.setLong(1, pipeline.getId());
            try (ResultSet rs = counts.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            for (Stage stage : pipeline.getStages()) {
                cards.setLong(1, stage.getId());
                try (ResultSet rs = cards.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** A user whose roles read opportunities in one scope ({@code visible}: the owners it reaches); everything else as the roles ship. */
    private static final class ScopedSecurity implements SecurityService {
        private final CurrentUser user;
        private final Scope scope;
        private final Set<String> visible;

        ScopedSecurity(String login, String role, Scope scope, Set<String> visible) {
            this.user = new CurrentUser(login, login, List.of(role), false);
            this.scope = scope;
            this.visible = visible;
        }

        @Override
        public CurrentUser currentUser() {
            return user;
        }

        @Override
        public boolean isPermitted(Action action, String entity, String owner) {
            return owner == null || visible.contains(owner) || action == Action.READ && !"opportunity".equals(entity);
        }

        @Override
        public Scope scope(Action action, String entity) {
            return action == Action.READ && !"opportunity".equals(entity) ? Scope.ALL : scope;
        }
    }

    static void fill(DatabaseSettings settings, List<Pipeline> pipelines, int size) throws SQLException {
        long start = System.nanoTime();
        Random random = new Random(42);
        LocalDate today = LocalDate.now();
        Timestamp now = Timestamp.from(Instant.now());
        boolean derby = settings.dialect() != DatabaseSettings.Dialect.POSTGRESQL;
        try (Connection c = Database.connect(settings)) {
            c.setAutoCommit(false);
            long firstId = BenchBulkLoad.reserveIds(c, CUSTOMERS + size + 5);
            long id = firstId;
            Path customerFile = null;
            Path opportunityFile = null;
            try {
                if (derby) {
                    // Derby: rows to CSV files, then its bulk import into the empty tables (the opportunities' insert triggers
                    // set aside and their totals computed once afterwards); row-by-row inserts fired three triggers a deal
                    customerFile = Files.createTempFile("bench-board-customers", ".csv");
                    try (BufferedWriter out = Files.newBufferedWriter(customerFile)) {
                        for (int i = 0; i < CUSTOMERS; i++) {
                            out.write(id++ + ",1," + now + ",bench," + now + ",bench," + BenchSalesTeam.owner(i % OWNERS) + ",\"基准客户 " + i
                                    + " 有限公司\",基准客户" + i + ",ACTIVE");
                            out.newLine();
                        }
                    }
                    BenchBulkLoad.importFile(c, "SB_CUSTOMER", "ID,VERSION,CREATED_AT,CREATED_BY,UPDATED_AT,UPDATED_BY,OWNER,NAME,NORMALIZED_NAME,STATUS",
                            customerFile);
                } else {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO SB_CUSTOMER (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY,"
                            + " OWNER, NAME, NORMALIZED_NAME, STATUS) VALUES (?, 1, ?, 'bench', ?, 'bench', ?, ?, ?, 'ACTIVE')")) {
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
                }
                id = BenchSalesTeam.insertTeams(c, id, now);
                c.commit();
                String[] categories = { "PIPELINE", "PIPELINE", "BEST_CASE", "COMMIT" };
                opportunityFile = derby ? Files.createTempFile("bench-board-opportunities", ".csv") : null;
                try (PreparedStatement ps = derby ? null : c.prepareStatement("INSERT INTO SB_OPPORTUNITY (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT,"
                        + " UPDATED_BY, OWNER, CUSTOMER_ID, NAME, AMOUNT, CURRENCY, CLOSE_DATE, CLOSE_MONTH, PIPELINE_ID, STAGE_ID, STATE, STAGE_ENTERED_AT,"
                        + " PROBABILITY, FORECAST_CATEGORY, CLOSED_ON, LOSS_REASON) VALUES (?, 1, ?, 'bench', ?, 'bench', ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                        BufferedWriter out = derby ? Files.newBufferedWriter(opportunityFile) : null) {
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
                        long opportunityId = id++;
                        String owner = BenchSalesTeam.owner(random.nextInt(OWNERS));
                        long customerId = firstId + random.nextInt(CUSTOMERS);
                        BigDecimal amount = BigDecimal.valueOf(1_000_00L + random.nextInt(500_000_00), 2);
                        String category = stage.getKind() == StageKind.WON ? "CLOSED" : stage.getKind() == StageKind.LOST ? "OMITTED" : categories[random.nextInt(4)];
                        String lossReason = stage.getKind() == StageKind.LOST ? "价格" : null;
                        if (derby) {
                            // ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER, CUSTOMER_ID, NAME, AMOUNT, CURRENCY, CLOSE_DATE,
                            // CLOSE_MONTH, PIPELINE_ID, STAGE_ID, STATE, STAGE_ENTERED_AT, PROBABILITY, FORECAST_CATEGORY, CLOSED_ON, LOSS_REASON
                            out.write(opportunityId + ",1," + now + ",bench," + now + ",bench," + owner + "," + customerId + ",\"商机 " + i + "\","
                                    + amount.toPlainString() + ",CNY," + close + "," + (close.getYear() * 100 + close.getMonthValue()) + "," + pipeline.getId()
                                    + "," + stage.getId() + "," + stage.getKind().name() + "," + now + "," + stage.getProbability() + "," + category + ","
                                    + (stage.isClosed() ? close : "") + "," + (lossReason == null ? "" : lossReason));
                            out.newLine();
                        } else {
                            ps.setLong(1, opportunityId);
                            ps.setTimestamp(2, now);
                            ps.setTimestamp(3, now);
                            ps.setString(4, owner);
                            ps.setLong(5, customerId);
                            ps.setString(6, "商机 " + i);
                            ps.setBigDecimal(7, amount);
                            ps.setDate(8, Date.valueOf(close));
                            ps.setInt(9, close.getYear() * 100 + close.getMonthValue());
                            ps.setLong(10, pipeline.getId());
                            ps.setLong(11, stage.getId());
                            ps.setString(12, stage.getKind().name());
                            ps.setTimestamp(13, now);
                            ps.setInt(14, stage.getProbability());
                            ps.setString(15, category);
                            ps.setDate(16, stage.isClosed() ? Date.valueOf(close) : null);
                            ps.setString(17, lossReason);
                            ps.addBatch();
                            if (i % BATCH == BATCH - 1) {
                                ps.executeBatch();
                                c.commit();
                            }
                        }
                        if (i % 50_000 == 49_999) {
                            System.out.printf("BENCH %s %,d opportunities, %.0f s%n", derby ? "written" : "filled", i + 1, (System.nanoTime() - start) / 1e9);
                        }
                    }
                    if (ps != null) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                if (derby) {
                    BenchBulkLoad.dropOpportunityInsertTriggers(c);
                    BenchBulkLoad.importFile(c, "SB_OPPORTUNITY", "ID,VERSION,CREATED_AT,CREATED_BY,UPDATED_AT,UPDATED_BY,OWNER,CUSTOMER_ID,NAME,AMOUNT,"
                            + "CURRENCY,CLOSE_DATE,CLOSE_MONTH,PIPELINE_ID,STAGE_ID,STATE,STAGE_ENTERED_AT,PROBABILITY,FORECAST_CATEGORY,CLOSED_ON,LOSS_REASON",
                            opportunityFile);
                    System.out.printf("BENCH opportunities loaded, %.0f s%n", (System.nanoTime() - start) / 1e9);
                    BenchBulkLoad.restoreOpportunityInsertTriggers(c);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                for (Path file : new Path[] { customerFile, opportunityFile }) {
                    try {
                        if (file != null) {
                            Files.deleteIfExists(file);
                        }
                    } catch (IOException e) {
                        System.out.println("BENCH temporary file left: " + e.getMessage());
                    }
                }
            }
            if (derby) {
                BenchBulkLoad.updateStatistics(c, "SB_CUSTOMER", "SB_OPPORTUNITY");
            }
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
