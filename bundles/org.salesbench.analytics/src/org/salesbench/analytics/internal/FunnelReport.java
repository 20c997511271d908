package org.salesbench.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.DrillRecord;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportContext;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.Unit;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;

/**
 * Per pipeline and stage (the won stage last, lost stages left out): the deals engaged in the period
 * that reached the stage, and the share of them that reached the next one.
 */
public class FunnelReport extends SqlReport {

    public FunnelReport() {
        super("funnel");
    }

    @Override
    public ReportResult run(ReportContext context, ReportFilter filter) {
        SqlDialect dialect = dialect(context);
        List<ReportColumn> columns = List.of(dimension("pipeline", Messages.Dimension_pipeline, Unit.TEXT),
                dimension("stage", Messages.Dimension_stage, Unit.TEXT), column(context, Metrics.STAGE_REACHED),
                column(context, Metrics.STAGE_CONVERSION));
        return context.unitOfWork().read(em -> {
            // how many deals got how far per pipeline (one range of the funnel index, no history read), then per
            // stage the deals that got at least to it
            Sql furthest = Queries.over(filter, Metrics.STAGE_REACHED).where(Metrics.REACHED_POSITION + " IS NOT NULL")
                    .select("o.PIPELINE_ID").select(Metrics.REACHED_POSITION).select(Metrics.STAGE_REACHED.aggregate(dialect))
                    .groupBy("o.PIPELINE_ID").groupBy(Metrics.REACHED_POSITION);
            Map<Long, Map<Integer, Long>> dealsByPosition = new HashMap<>();
            for (Object[] r : furthest.rows(em)) {
                dealsByPosition.computeIfAbsent(Sql.id(r[0]), p -> new HashMap<>()).put(((Number) r[1]).intValue(), Sql.count(r[2]));
            }
            List<Stage> stages = em.createQuery("SELECT s FROM Stage s WHERE s.kind <> :lost ORDER BY s.pipeline.position, s.pipeline.id, s.position",
                    Stage.class).setParameter("lost", StageKind.LOST).getResultList();
            Map<Long, Long> reached = new HashMap<>();
            for (Stage stage : stages) {
                long atLeast = 0;
                for (Map.Entry<Integer, Long> e : dealsByPosition.getOrDefault(stage.getPipeline().getId(), Map.of()).entrySet()) {
                    atLeast += e.getKey() >= stage.getPosition() ? e.getValue() : 0;
                }
                reached.put(stage.getId(), atLeast);
            }
            List<ReportRow> rows = new ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                Stage stage = stages.get(i);
                if (filter.pipelineId() != null && !filter.pipelineId().equals(stage.getPipeline().getId())) {
                    continue;
                }
                long count = reached.getOrDefault(stage.getId(), 0L);
                Stage next = i + 1 < stages.size() && stages.get(i + 1).getPipeline().getId().equals(stage.getPipeline().getId()) ? stages.get(i + 1) : null;
                Double conversion = next == null ? null : Queries.percent(reached.getOrDefault(next.getId(), 0L), count);
                rows.add(row(String.valueOf(stage.getId()), stage.getPipeline().getLabel(), stage.getLabel(), count, conversion));
            }
            if (dealsByPosition.isEmpty()) {
                rows.clear(); // no deal in the period: an empty funnel, not a column of zeros
            }
            return result(filter, columns, rows, ChartKind.FUNNEL, Queries.DEFAULT_CURRENCY, null);
        });
    }

    @Override
    public List<DrillRecord> drillDown(ReportContext context, ReportFilter filter, String drillKey) {
        long stageId = Long.parseLong(drillKey);
        Sql sql = Queries.over(filter, Metrics.STAGE_REACHED);
        sql.where("o.PIPELINE_ID = (SELECT ds.PIPELINE_ID FROM SB_STAGE ds WHERE ds.ID = ?)", stageId)
                .where(Metrics.REACHED_POSITION + " >= (SELECT ds.POSITION FROM SB_STAGE ds WHERE ds.ID = ?)", stageId);
        return deals(context, sql);
    }
}
