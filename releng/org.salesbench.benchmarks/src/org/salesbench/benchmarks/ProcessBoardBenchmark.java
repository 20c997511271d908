package org.salesbench.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.workflow.internal.process.ProcessServiceImpl;
import org.salesbench.workflow.internal.rules.RuleServiceImpl;
import org.salesbench.workflow.process.ProcessBoard;
import org.salesbench.workflow.rules.Rule;
import org.salesbench.workflow.rules.RuleActionCall;
import org.salesbench.workflow.rules.RuleServices;

/**
 * The process board at scale: fills (or reuses) the embedded Derby database of {@link OpportunityBoardBenchmark}
 * with bench.opportunities opportunities (run it with -Dbench.opportunities=100000 for the figure), then times
 * opening the process board of each shipped pipeline, and, in the same run on the same database, the raw engine's
 * floor for the same data: a full count and a GROUP BY of one pipeline's deals by stage over plain JDBC (the
 * shared baselines' "GROUP BY over 1,000,000 rows" measured here, now). Goal on 2 cores: ≤ 300 ms at 300,000.
 */
class ProcessBoardBenchmark {

    @Test
    void processBoard() throws SQLException {
        int size = Integer.getInteger("bench.opportunities", 100_000);
        Path dir = Path.of(System.getProperty("bench.db", "bench-db")).toAbsolutePath().normalize().resolve("opportunities-" + size);
        LocalSecurityService security = new LocalSecurityService("owner1");
        DatabaseSettings settings = DatabaseSettings.embedded(dir);
        try (Database db = Database.open(settings, security)) {
            PipelineServiceImpl pipelines = new PipelineServiceImpl(db, security, (entity, change, id) -> { });
            OpportunityServiceImpl opportunities = new OpportunityServiceImpl(db, security, (entity, change, id) -> { });
            long have = opportunities.count(OpportunityFilter.ALL);
            if (have < size && !Boolean.getBoolean("bench.measureOnly")) {
                if (have > 0) {
                    throw new IllegalStateException(dir + " holds " + have + " opportunities, fewer than " + size + ": delete it to refill");
                }
                OpportunityBoardBenchmark.fill(settings, pipelines.pipelines(true), size);
            } else {
                System.out.printf("BENCH reusing %s with %,d opportunities%n", dir, have);
            }
            ProcessServiceImpl process = new ProcessServiceImpl(db, security, (entity, change, id) -> { }, pipelines, opportunities,
                    Clock.systemDefaultZone());
            List<Pipeline> all = pipelines.pipelines(true);
            System.out.printf("BENCH load average: %s%n", BenchTimings.loadAverage());
            Pipeline first = all.get(0);
            ProcessBoard[] board = new ProcessBoard[1];
            board[0] = process.board(first.getId()); // warm-up: the statements are prepared, the pages cached
            BenchTimings.report("process board open (" + first.getName() + ")", BenchTimings.repeat(10, () -> board[0] = process.board(first.getId())));
            System.out.printf("BENCH process board of %s: %d steps%n", first.getName(), board[0].steps().size());
            for (Pipeline p : all.subList(1, all.size())) {
                BenchTimings.report("process board open (" + p.getName() + ")", BenchTimings.repeat(5, () -> process.board(p.getId())));
            }
            try (Connection c = Database.connect(settings)) {
                BenchTimings.report("baseline, same run: SELECT COUNT(*) over all opportunities", BenchTimings.repeat(5, () -> scalar(c,
                        "SELECT COUNT(*) FROM SB_OPPORTUNITY", null)));
                BenchTimings.report("baseline, same run: one pipeline's deals GROUP BY stage (count, oldest stage entry)", BenchTimings.repeat(5,
                        () -> scalar(c, "SELECT STAGE_ID, COUNT(*), MIN(STAGE_ENTERED_AT) FROM SB_OPPORTUNITY WHERE PIPELINE_ID = ? GROUP BY STAGE_ID",
                                first.getId())));
            }
            System.out.println("BENCH for comparison, the shared raw-Derby baselines (another run, 1,000,000 rows, 20 groups): GROUP BY 555-595 ms");
            snapshotCatchUp(db, security, opportunities, have < size ? size : have);
        }
    }

    /**
     * The rule engine's first look at every opportunity: saving a "field changed" rule makes the engine keep the current
     * values of every record it had not seen (a page of 2,000 at a time); timed from the save until the engine is idle,
     * then the rule is deleted, which takes the snapshots away again (so a rerun on the same database measures the same).
     */
    private static void snapshotCatchUp(Database db, LocalSecurityService security, OpportunityServiceImpl opportunities, long expected) {
        RuleServiceImpl rules = new RuleServiceImpl(db, security, new RuleServices() {
            @Override
            public <S> S get(Class<S> type) {
                if (type != OpportunityService.class) {
                    throw new IllegalStateException("No " + type.getSimpleName() + " service is running.");
                }
                return type.cast(opportunities);
            }
        });
        try {
            rules.list().stream().filter(r -> r.getName().equals(SNAPSHOT_RULE)).forEach(r -> rules.delete(r.getId()));
            awaitIdle(rules);
            Rule rule = new Rule(SNAPSHOT_RULE, "opportunity", "org.salesbench.workflow.rules.fieldChanged");
            rule.setTriggerParameters(Map.of("field", "nextStep"));
            rule.setActions(List.of(new RuleActionCall("org.salesbench.workflow.rules.setField", Map.of("field", "source", "value", "bench"))));
            long start = System.nanoTime();
            Rule saved = rules.save(rule);
            awaitIdle(rules);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long kept = rules.snapshots("opportunity");
            System.out.printf("BENCH rule snapshot catch-up, first pass over %,d opportunities: %,d ms (%,d snapshots, %,.0f records/s)%n", expected,
                    millis, kept, kept * 1000.0 / Math.max(1, millis));
            rules.delete(saved.getId());
            awaitIdle(rules);
        } finally {
            rules.close();
        }
    }

    private static final String SNAPSHOT_RULE = "bench: next step changed";

    private static void awaitIdle(RuleServiceImpl rules) {
        try {
            if (!rules.awaitIdle(Duration.ofMinutes(30))) {
                throw new IllegalStateException("the rule engine did not finish within 30 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a query over plain JDBC and reads every row (what the board's own queries must at least cost). */
    private static long scalar(Connection c, String sql, Long parameter) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setLong(1, parameter);
            }
            long rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
