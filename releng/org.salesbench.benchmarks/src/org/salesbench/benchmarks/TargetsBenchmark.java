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
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.internal.MetricCatalogueImpl;
import org.salesbench.analytics.internal.ReportServiceImpl;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.internal.ForecastServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.performance.internal.kpi.KpiServiceImpl;
import org.salesbench.performance.internal.targets.AttainmentServiceImpl;
import org.salesbench.performance.internal.targets.TargetServiceImpl;
import org.salesbench.performance.kpi.KpiService;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.targets.Attainment;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.SubjectKind;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * Attainment at scale: fills an embedded Derby database with bench.targetsSize opportunities (default 1,000,000) of
 * 500 people in 25 teams over 20,000 customers, a third of them won over the last two years (by Derby's bulk import,
 * not through the services), and a won revenue target of this year for every person, team and the company (through
 * the target service). Then times, after a warm-up: everyone's attainment (one report run), every team's, and the
 * attainment report by owner; and, in the same run, the shared baseline (a plain JDBC GROUP BY over
 * the same million rows), so the figures can be quoted as a ratio on a shared machine; then the won revenue report run
 * that attainment makes, and the leaderboards of won revenue and revenue attainment of every person. Goal on 2 cores:
 * ≤ 1 s each.
 */
class TargetsBenchmark {

    private static final int PEOPLE = 500;
    private static final int TEAMS = 25;
    private static final int CUSTOMERS = 20_000;

    static String person(int i) {
        return "rep" + i;
    }

    @Test
    void attainment() throws SQLException, IOException {
        int size = Integer.getInteger("bench.targetsSize", 1_000_000);
        Path dir = Path.of(System.getProperty("bench.db", "bench-db")).toAbsolutePath().normalize().resolve("targets-" + size);
        LocalSecurityService security = new LocalSecurityService("admin");
        DatabaseSettings settings = DatabaseSettings.embedded(dir);
        try (Database db = Database.open(settings, security)) {
            MetricCatalogueImpl catalogue = new MetricCatalogueImpl(Locale.ENGLISH);
            ReportServiceImpl reports = new ReportServiceImpl(db, security, catalogue, new ForecastServiceImpl(db, security));
            AttainmentServiceImpl attainment = new AttainmentServiceImpl(db, reports, catalogue, Clocks.system());
            UserServiceImpl users = new UserServiceImpl(db, security);
            TargetServiceImpl targetService = new TargetServiceImpl(db, security, users, catalogue, attainment, (e, c, id) -> { });
            long have = count(settings);
            if (have < size && !Boolean.getBoolean("bench.measureOnly")) {
                if (have > 0) {
                    throw new IllegalStateException(dir + " holds " + have + " opportunities, fewer than " + size + ": delete it to refill");
                }
                fill(settings, new PipelineServiceImpl(db, security, (entity, change, id) -> { }).pipelines(true), size);
                targets(targetService, settings);
            } else {
                System.out.printf("BENCH reusing %s with %,d opportunities%n", dir, have);
            }
            measure(settings, reports, attainment, new KpiServiceImpl(db, security, users, targetService));
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
        Random random = new Random(7);
        LocalDate today = LocalDate.now();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = Database.connect(settings)) {
            c.setAutoCommit(false);
            long id = BenchBulkLoad.reserveIds(c, CUSTOMERS + TEAMS + (long) size);
            try (PreparedStatement user = c.prepareStatement("INSERT INTO SB_USER (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER,"
                    + " LOGIN, DISPLAY_NAME, ACTIVE) VALUES (?, 1, ?, 'bench', ?, 'bench', 'bench', ?, ?, TRUE)")) {
                for (int i = 0; i < PEOPLE; i++) {
                    user.setLong(1, id++);
                    user.setTimestamp(2, now);
                    user.setTimestamp(3, now);
                    user.setString(4, person(i));
                    user.setString(5, "销售 " + i);
                    user.addBatch();
                }
                user.executeBatch();
            }
            try (PreparedStatement team = c.prepareStatement("INSERT INTO SB_TEAM (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER, NAME)"
                    + " VALUES (?, 1, ?, 'bench', ?, 'bench', 'bench', ?)");
                    PreparedStatement member = c.prepareStatement("INSERT INTO SB_TEAM_MEMBER (TEAM_ID, LOGIN) VALUES (?, ?)")) {
                for (int t = 0; t < TEAMS; t++) {
                    long teamId = id++;
                    team.setLong(1, teamId);
                    team.setTimestamp(2, now);
                    team.setTimestamp(3, now);
                    team.setString(4, "基准团队 " + t);
                    team.executeUpdate();
                    for (int m = t * PEOPLE / TEAMS; m < (t + 1) * PEOPLE / TEAMS; m++) {
                        member.setLong(1, teamId);
                        member.setString(2, person(m));
                        member.addBatch();
                    }
                    member.executeBatch();
                }
            }
            long firstCustomer = id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SB_CUSTOMER (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER,"
                    + " NAME, NORMALIZED_NAME, STATUS) VALUES (?, 1, ?, 'bench', ?, 'bench', ?, ?, ?, 'ACTIVE')")) {
                for (int i = 0; i < CUSTOMERS; i++) {
                    ps.setLong(1, id++);
                    ps.setTimestamp(2, now);
                    ps.setTimestamp(3, now);
                    ps.setString(4, person(i % PEOPLE));
                    ps.setString(5, "目标基准客户 " + i + " 有限公司");
                    ps.setString(6, "目标基准客户" + i);
                    ps.addBatch();
                    if (i % 5_000 == 4_999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            Path opportunities = Files.createTempFile("bench-target-opportunities", ".csv");
            try (BufferedWriter ops = Files.newBufferedWriter(opportunities)) {
                String stamp = now.toString();
                Pipeline pipeline = pipelines.get(0);
                Stage won = pipeline.firstStage(StageKind.WON).orElseThrow();
                Stage lost = pipeline.firstStage(StageKind.LOST).orElseThrow();
                List<Stage> open = pipeline.getStages().stream().filter(s -> s.getKind() == StageKind.OPEN).toList();
                for (int i = 0; i < size; i++) {
                    int kind = random.nextInt(3);
                    Stage stage = kind == 0 ? won : kind == 1 ? lost : open.get(random.nextInt(open.size()));
                    LocalDate close = stage.isClosed() ? today.minusDays(random.nextInt(730)) : today.plusDays(random.nextInt(300));
                    BigDecimal amount = BigDecimal.valueOf(1_000_00L + random.nextInt(500_000_00), 2);
                    String owner = person(random.nextInt(PEOPLE));
                    ops.write(id++ + ",1," + stamp + ",bench," + stamp + ",bench," + owner + "," + (firstCustomer + random.nextInt(CUSTOMERS))
                            + ",\"商机 " + i + "\"," + amount.toPlainString() + ",CNY," + close + "," + (close.getYear() * 100 + close.getMonthValue())
                            + "," + pipeline.getId() + "," + stage.getId() + "," + stage.getKind().name() + "," + stamp + "," + stage.getProbability()
                            + "," + (stage.getKind() == StageKind.WON ? "CLOSED" : stage.getKind() == StageKind.LOST ? "OMITTED" : "PIPELINE")
                            + "," + (stage.isClosed() ? close : "") + "," + (stage.getKind() == StageKind.LOST ? "价格" : "") + "," + close.minusDays(60)
                            + ",WEB,制造业");
                    ops.newLine();
                }
            }
            BenchBulkLoad.dropOpportunityInsertTriggers(c);
            BenchBulkLoad.importFile(c, "SB_OPPORTUNITY", "ID,VERSION,CREATED_AT,CREATED_BY,UPDATED_AT,UPDATED_BY,OWNER,CUSTOMER_ID,NAME,AMOUNT,CURRENCY,CLOSE_DATE,"
                    + "CLOSE_MONTH,PIPELINE_ID,STAGE_ID,STATE,STAGE_ENTERED_AT,PROBABILITY,FORECAST_CATEGORY,CLOSED_ON,LOSS_REASON,ENGAGED_ON,SOURCE,INDUSTRY",
                    opportunities);
            BenchBulkLoad.restoreOpportunityInsertTriggers(c);
            Files.deleteIfExists(opportunities);
            BenchBulkLoad.updateStatistics(c, "SB_OPPORTUNITY");
        }
        System.out.printf("BENCH fill: %,d opportunities of %d people in %.0f s%n", size, PEOPLE, (System.nanoTime() - start) / 1e9);
    }

    /** A won revenue target of this year for the company, every team and every person (through the service). */
    private static void targets(TargetServiceImpl targets, DatabaseSettings settings) throws SQLException {
        long start = System.nanoTime();
        TargetPeriod year = TargetPeriod.year(LocalDate.now().getYear());
        targets.set("won_revenue", Subject.company(), year, new BigDecimal("30000000000"), "benchmark");
        try (Connection c = Database.connect(settings); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ID FROM SB_TEAM")) {
            while (rs.next()) {
                targets.set("won_revenue", Subject.team(rs.getLong(1)), year, new BigDecimal("1200000000"), "benchmark");
            }
        }
        for (int i = 0; i < PEOPLE; i++) {
            targets.set("won_revenue", Subject.person(person(i)), year, new BigDecimal("60000000"), "benchmark");
        }
        System.out.printf("BENCH targets set in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static void measure(DatabaseSettings settings, ReportServiceImpl reports, AttainmentServiceImpl attainment, KpiServiceImpl kpis)
            throws SQLException {
        int runs = Integer.getInteger("bench.runs", 7);
        LocalDate today = LocalDate.now();
        TargetPeriod year = TargetPeriod.year(today.getYear());
        System.out.println("BENCH load average " + BenchTimings.loadAverage());
        // the shared baseline (GROUP BY over 1,000,000 rows), on the same table in the same run
        try (Connection c = Database.connect(settings)) {
            BenchTimings.report("baseline: JDBC GROUP BY owner over every opportunity", BenchTimings.repeat(runs, () -> groupBy(c,
                    "SELECT OWNER, SUM(AMOUNT) FROM SB_OPPORTUNITY GROUP BY OWNER")));
            BenchTimings.report("baseline: JDBC won revenue this year GROUP BY owner", BenchTimings.repeat(runs, () -> groupBy(c,
                    "SELECT OWNER, SUM(AMOUNT) FROM SB_OPPORTUNITY WHERE STATE = 'WON' AND CLOSED_ON >= '" + year.from() + "' AND CLOSED_ON <= '"
                            + today + "' GROUP BY OWNER")));
            // the won revenue report's SQL by owner in its shapes, to tell the index from the grouping: as it was (every won
            // deal of the period joined to SB_USER, then grouped), with the table read whole (the index IX_SB_OPP_WON
            // set aside) and with the index; and as it is now (grouped by owner, then one row per owner joined)
            String won = " FROM SB_OPPORTUNITY o{hint} WHERE (o.STATE = 'WON') AND o.CLOSED_ON >= '" + year.from() + "' AND o.CLOSED_ON <= '" + today
                    + "' AND o.DELETED_AT IS NULL AND o.CURRENCY = 'CNY'";
            String joinedFirst = "SELECT o.OWNER, du.DISPLAY_NAME, SUM(CASE WHEN (o.STATE = 'WON') THEN o.AMOUNT END),"
                    + " COUNT(CASE WHEN (o.STATE = 'WON') THEN 1 END)" + won.replace(" WHERE", " LEFT JOIN SB_USER du ON du.LOGIN = o.OWNER WHERE")
                    + " GROUP BY o.OWNER, du.DISPLAY_NAME ORDER BY 3 DESC, 2";
            BenchTimings.report("JDBC: report SQL joined, then grouped; table read whole", BenchTimings.repeat(runs, () -> groupBy(c,
                    joinedFirst.replace("{hint}", " --DERBY-PROPERTIES index=NULL\n"))));
            BenchTimings.report("JDBC: report SQL joined, then grouped; index", BenchTimings.repeat(runs, () -> groupBy(c,
                    joinedFirst.replace("{hint}", ""))));
            BenchTimings.report("JDBC: report SQL grouped, then joined; index", BenchTimings.repeat(runs, () -> groupBy(c,
                    "SELECT g.G_KEY, du.DISPLAY_NAME, g.G_0, g.G_1 FROM (SELECT o.OWNER AS G_KEY, SUM(CASE WHEN (o.STATE = 'WON') THEN o.AMOUNT END) AS G_0,"
                            + " COUNT(CASE WHEN (o.STATE = 'WON') THEN 1 END) AS G_1" + won.replace("{hint}", "") + " GROUP BY o.OWNER) g"
                            + " LEFT JOIN SB_USER du ON du.LOGIN = g.G_KEY ORDER BY 3 DESC, 2")));
        }
        List<Attainment>[] last = new List[1];
        last[0] = attainment.attainments("won_revenue", year, SubjectKind.PERSON, today);
        BenchTimings.report("attainment of every person", BenchTimings.repeat(runs,
                () -> last[0] = attainment.attainments("won_revenue", year, SubjectKind.PERSON, today)));
        System.out.printf("BENCH   %d people; first: %s%n", last[0].size(), last[0].isEmpty() ? "-" : last[0].get(0));
        BenchTimings.report("attainment of every team", BenchTimings.repeat(runs,
                () -> last[0] = attainment.attainments("won_revenue", year, SubjectKind.TEAM, today)));
        System.out.printf("BENCH   %d teams%n", last[0].size());
        ReportFilter byOwner = new ReportFilter(year.from(), year.to(), null, null, null, "owner");
        BenchTimings.report("attainment report by owner", BenchTimings.repeat(runs, () -> reports.run("attainment", byOwner)));
        // what attainment asks the reports: the won revenue report by owner over the period so far
        ReportFilter wonByOwner = new ReportFilter(year.from(), today.isAfter(year.to()) ? year.to() : today, null, null, null, "owner");
        BenchTimings.report("won revenue report by owner (what attainment runs)", BenchTimings.repeat(runs, () -> reports.run("won-revenue", wonByOwner)));
        // leaderboards of every active person (one grouped query per KPI, and one read of the published targets)
        Period wholeYear = new Period(year.from(), year.to());
        List<KpiService.Ranked>[] board = new List[1];
        BenchTimings.report("leaderboard of won revenue", BenchTimings.repeat(runs,
                () -> board[0] = kpis.leaderboard("won_revenue", List.of(), wholeYear, null)));
        System.out.printf("BENCH   %d people; first: %s%n", board[0].size(), board[0].isEmpty() ? "-" : board[0].get(0));
        BenchTimings.report("leaderboard of revenue attainment", BenchTimings.repeat(runs,
                () -> board[0] = kpis.leaderboard("revenue_attainment", List.of(), wholeYear, null)));
        System.out.printf("BENCH   first: %s%n", board[0].isEmpty() ? "-" : board[0].get(0));
    }

    private static int groupBy(Connection c, String sql) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
