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
            // per deal the furthest position reached (one GROUP BY over the history, no per-deal subquery),
            // then how many deals got that far per position, then per stage the deals that got at least to it
            Sql deals = Queries.over(filter, Metrics.STAGE_REACHED).join("JOIN SB_STAGE_HISTORY rh ON rh.OPPORTUNITY_ID = o.ID")
                    .join("JOIN SB_STAGE rt ON rt.ID = rh.TO_STAGE_ID").where("rt.KIND <> 'LOST'")
                    .select("o.PIPELINE_ID P").select("MAX(rt.POSITION) R").groupBy("o.ID").groupBy("o.PIPELINE_ID");
            Sql furthest = new Sql("(" + deals + ") d", deals.parameters().toArray()).select("d.P").select("d.R")
                    .select(Metrics.STAGE_REACHED.aggregate(dialect) + " N").groupBy("d.P").groupBy("d.R");
            Sql perStage = new Sql("SB_STAGE st JOIN (" + furthest + ") g ON g.P = st.PIPELINE_ID AND g.R >= st.POSITION", furthest.parameters().toArray())
                    .where("st.KIND <> 'LOST'").select("st.ID").select("SUM(g.N)").groupBy("st.ID");
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
