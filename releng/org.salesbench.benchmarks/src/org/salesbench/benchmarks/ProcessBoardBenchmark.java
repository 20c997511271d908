package org.salesbench.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.workflow.internal.process.ProcessServiceImpl;
import org.salesbench.workflow.process.ProcessBoard;

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
