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
            // per deal the furthest position reached, then per stage the deals whose furthest is at or after it
            Sql deals = Queries.over(filter, Metrics.STAGE_REACHED);
            deals.select("o.PIPELINE_ID P").select(Metrics.REACHED_POSITION + " R");
            Sql perStage = new Sql("SB_STAGE st JOIN (" + deals + ") d ON d.P = st.PIPELINE_ID AND d.R >= st.POSITION", deals.parameters().toArray())
                    .where("st.KIND <> 'LOST'").select("st.ID").select(Metrics.STAGE_REACHED.aggregate(dialect))
                    .groupBy("st.ID");
            Map<Long, Long> reached = new HashMap<>();
            for (Object[] r : perStage.rows(em)) {
                reached.put(Sql.id(r[0]), Sql.count(r[1]));
            }
            List<Stage> stages = em.createQuery("SELECT s FROM Stage s WHERE s.kind <> :lost ORDER BY s.pipeline.position, s.pipeline.id, s.position",
                    Stage.class).setParameter("lost", StageKind.LOST).getResultList();
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
            if (reached.isEmpty()) {
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
