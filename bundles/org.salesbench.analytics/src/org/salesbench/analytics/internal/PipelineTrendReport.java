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
import org.salesbench.opportunities.Pipeline;

/**
 * The open pipeline per snapshot day and pipeline, from SB_PIPELINE_SNAPSHOT. A snapshot keeps
 * sums, not the deals, so its rows have no drill-down (their drill key is {@code null}).
 */
public class PipelineTrendReport extends SqlReport {

    public PipelineTrendReport() {
        super("pipeline-trend");
    }

    @Override
    public ReportResult run(ReportContext context, ReportFilter filter) {
        SqlDialect dialect = dialect(context);
        List<ReportColumn> columns = List.of(dimension("day", Messages.Dimension_day, Unit.DATE), dimension("pipeline", Messages.Dimension_pipeline, Unit.TEXT),
                column(context, Metrics.SNAPSHOT_COUNT), column(context, Metrics.SNAPSHOT_AMOUNT));
        return context.unitOfWork().read(em -> {
            Sql sql = Queries.over(filter, Metrics.SNAPSHOT_COUNT, Metrics.SNAPSHOT_AMOUNT);
            Queries.CurrencyChoice currency = Queries.oneCurrency(em, sql, "s.CURRENCY", "SUM(s.DEAL_COUNT)");
            sql.select("s.SNAPSHOT_DAY").select("s.PIPELINE_ID").select(Metrics.SNAPSHOT_COUNT.aggregate(dialect))
                    .select(Metrics.SNAPSHOT_AMOUNT.aggregate(dialect)).groupBy("s.SNAPSHOT_DAY").groupBy("s.PIPELINE_ID").orderBy("1, 2");
            List<Object[]> groups = sql.rows(em);
            Map<Long, String> pipelines = new HashMap<>();
            if (!groups.isEmpty()) {
                em.createQuery("SELECT p FROM Pipeline p", Pipeline.class).getResultList().forEach(p -> pipelines.put(p.getId(), p.getLabel()));
            }
            List<ReportRow> rows = new ArrayList<>();
            for (Object[] r : groups) {
                Long pipeline = Sql.id(r[1]);
                rows.add(row(null, Sql.date(r[0]), pipelines.getOrDefault(pipeline, String.valueOf(pipeline)), Sql.count(r[2]), Sql.money(r[3])));
            }
            return result(filter, columns, rows, ChartKind.LINE, currency.currency(), currency.note());
        });
    }

    @Override
    public List<DrillRecord> drillDown(ReportContext context, ReportFilter filter, String drillKey) {
        return List.of();
    }
}
