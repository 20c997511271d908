package org.salesbench.workflow.internal.process;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.SoftDeletion;
import org.salesbench.workflow.process.ProcessBoard;
import org.salesbench.workflow.process.ProcessBoard.StepFigures;
import org.salesbench.workflow.process.ProcessStep;
import org.salesbench.workflow.process.StepRecord;

/**
 * The process board's SQL. It reads the opportunities' records (SB_OPPORTUNITY) and stage history
 * (SB_STAGE_HISTORY) as analytics does, never writes them, and aggregates in the database: counts per stage, and the
 * stays in each stage as a histogram by whole hours, from which the p90 is read. Both tables carry row-level security
 * on a team server, so a user's board counts only what the user may read.
 */
final class ProcessQueries {

    private static final double HOURS_PER_DAY = 24.0;

    private ProcessQueries() {
    }

    /** Hours from {@code from} to {@code to}, rounded down, in the database's dialect. */
    static String hoursBetween(DatabaseSettings.Dialect dialect, String from, String to) {
        if (dialect == DatabaseSettings.Dialect.POSTGRESQL) {
            return "CAST(FLOOR(EXTRACT(EPOCH FROM (" + to + " - " + from + ")) / 3600) AS BIGINT)";
        }
        return "{fn TIMESTAMPDIFF(SQL_TSI_HOUR, " + from + ", " + to + ")}";
    }

    static ProcessBoard board(EntityManager em, DatabaseSettings.Dialect dialect, long pipelineId, List<ProcessStep> steps, Instant now) {
        Map<Long, ProcessStep> byStage = steps.stream().filter(s -> s.getStageId() != null)
                .collect(Collectors.toMap(ProcessStep::getStageId, s -> s));
        Map<Long, long[]> counts = new HashMap<>();
        Map<Long, TreeMap<Long, Long>> stays = new HashMap<>();
        if (!byStage.isEmpty()) {
            counts = current(em, pipelineId, byStage, now);
            stays = stays(em, dialect, pipelineId, now);
        }
        List<StepFigures> figures = new ArrayList<>();
        for (ProcessStep step : steps) {
            long[] c = step.getStageId() == null ? null : counts.get(step.getStageId());
            TreeMap<Long, Long> histogram = step.getStageId() == null ? null : stays.get(step.getStageId());
            figures.add(new StepFigures(step, c == null ? 0 : c[0], c == null ? 0 : c[1], average(histogram), percentile(histogram, 0.9)));
        }
        return new ProcessBoard(pipelineId, figures);
    }

    /** Per stage: records in it, and the open ones past their step's SLA. */
    private static Map<Long, long[]> current(EntityManager em, long pipelineId, Map<Long, ProcessStep> byStage, Instant now) {
        StringBuilder overdue = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (ProcessStep step : byStage.values()) {
            if (step.getSlaDays() != null) {
                overdue.append(overdue.isEmpty() ? "" : " OR ").append("(o.STAGE_ID = ? AND o.STAGE_ENTERED_AT < ?)");
                parameters.add(step.getStageId());
                parameters.add(Timestamp.from(deadlineStart(now, step.getSlaDays())));
            }
        }
        String overdueSum = overdue.isEmpty() ? "0" : "SUM(CASE WHEN o.STATE = 'OPEN' AND (" + overdue + ") THEN 1 ELSE 0 END)";
        Query q = MaskingViews.query(em, "SELECT o.STAGE_ID, COUNT(*), " + overdueSum + " FROM {SB_OPPORTUNITY} o WHERE o.PIPELINE_ID = ? AND "
                + SoftDeletion.notDeleted("o") + " GROUP BY o.STAGE_ID");
        int i = 1;
        for (Object p : parameters) {
            q.setParameter(i++, p);
        }
        q.setParameter(i, pipelineId);
        Map<Long, long[]> result = new HashMap<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            long stageId = ((Number) r[0]).longValue();
            if (byStage.containsKey(stageId)) {
                result.put(stageId, new long[] {((Number) r[1]).longValue(), r[2] == null ? 0 : ((Number) r[2]).longValue()});
            }
        }
        return result;
    }

    /** Entering the step before this instant puts a record past an SLA of {@code slaDays}. */
    static Instant deadlineStart(Instant now, int slaDays) {
        return now.minusSeconds(slaDays * 86_400L);
    }

    /**
     * Per stage, how many stays lasted how many whole hours. A stay ends when the record next leaves the stage; a stay
     * that has not ended counts up to now while the record is open, and not at all once it is won or lost (a won deal's
     * time in its won stage is no time spent selling).
     */
    private static Map<Long, TreeMap<Long, Long>> stays(EntityManager em, DatabaseSettings.Dialect dialect, long pipelineId, Instant now) {
        String left = "(SELECT MIN(n.MOVED_AT) FROM SB_STAGE_HISTORY n WHERE n.OPPORTUNITY_ID = h.OPPORTUNITY_ID"
                + " AND n.FROM_STAGE_ID = h.TO_STAGE_ID AND n.MOVED_AT >= h.MOVED_AT AND n.ID <> h.ID)";
        String sql = "SELECT z.STAGE_ID, z.HOURS, COUNT(*) FROM ("
                + "SELECT y.STAGE_ID AS STAGE_ID, " + hoursBetween(dialect, "y.ENTERED_AT", "COALESCE(y.LEFT_AT, CAST(? AS TIMESTAMP))") + " AS HOURS FROM ("
                + "SELECT h.TO_STAGE_ID AS STAGE_ID, h.MOVED_AT AS ENTERED_AT, o.STATE AS STATE, " + left + " AS LEFT_AT"
                + " FROM SB_STAGE_HISTORY h JOIN {SB_OPPORTUNITY} o ON o.ID = h.OPPORTUNITY_ID"
                + " WHERE o.PIPELINE_ID = ? AND " + SoftDeletion.notDeleted("o") + ") y"
                + " WHERE y.LEFT_AT IS NOT NULL OR y.STATE = 'OPEN') z GROUP BY z.STAGE_ID, z.HOURS";
        List<?> rows = MaskingViews.query(em, sql).setParameter(1, Timestamp.from(now)).setParameter(2, pipelineId).getResultList();
        Map<Long, TreeMap<Long, Long>> result = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            result.computeIfAbsent(((Number) r[0]).longValue(), k -> new TreeMap<>())
                    .merge(Math.max(0, ((Number) r[1]).longValue()), ((Number) r[2]).longValue(), Long::sum);
        }
        return result;
    }

    /** Average days of a histogram of whole hours; {@code null} when it is empty. */
    static Double average(TreeMap<Long, Long> hours) {
        if (hours == null || hours.isEmpty()) {
            return null;
        }
        long n = 0;
        double sum = 0;
        for (Map.Entry<Long, Long> e : hours.entrySet()) {
            n += e.getValue();
            sum += e.getKey() * (double) e.getValue();
        }
        return sum / n / HOURS_PER_DAY;
    }

    /** The nearest-rank percentile, in days, of a histogram of whole hours; {@code null} when it is empty. */
    static Double percentile(TreeMap<Long, Long> hours, double p) {
        if (hours == null || hours.isEmpty()) {
            return null;
        }
        long n = hours.values().stream().mapToLong(Long::longValue).sum();
        long rank = (long) Math.ceil(p * n);
        long seen = 0;
        for (Map.Entry<Long, Long> e : hours.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey() / HOURS_PER_DAY;
            }
        }
        return hours.lastKey() / HOURS_PER_DAY;
    }

    /** The records in a stage, overdue first (the longest in it first). */
    static List<StepRecord> records(EntityManager em, DatabaseSettings.Dialect dialect, ProcessStep step, Instant now, int limit) {
        if (step.getStageId() == null) {
            return List.of();
        }
        List<?> rows = MaskingViews.query(em, "SELECT o.ID, o.NAME, o.OWNER, o.STAGE_ENTERED_AT, o.STATE FROM {SB_OPPORTUNITY} o"
                + " WHERE o.STAGE_ID = ? AND " + SoftDeletion.notDeleted("o") + " ORDER BY o.STAGE_ENTERED_AT, o.ID")
                .setParameter(1, step.getStageId()).setMaxResults(limit).getResultList();
        List<StepRecord> records = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            Instant entered = r[3] == null ? null : ((Timestamp) r[3]).toInstant();
            double days = entered == null ? 0 : (now.toEpochMilli() - entered.toEpochMilli()) / 86_400_000.0;
            boolean overdue = "OPEN".equals(r[4]) && step.getSlaDays() != null && entered != null
                    && entered.isBefore(deadlineStart(now, step.getSlaDays()));
            records.add(new StepRecord(((Number) r[0]).longValue(), (String) r[1], (String) r[2], entered, days, overdue));
        }
        // oldest entry first already puts the overdue ones first among open records; closed ones are never overdue
        records.sort((a, b) -> Boolean.compare(b.overdue(), a.overdue()));
        return records;
    }
}
