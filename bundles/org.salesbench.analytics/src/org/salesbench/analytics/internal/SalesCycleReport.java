package org.salesbench.analytics.internal;

import java.util.ArrayList;
import java.util.List;

import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.DrillRecord;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportContext;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.Unit;

/** Average days from engaged to won of the deals won in the period, by owner or won month. */
public class SalesCycleReport extends SqlReport {

    public SalesCycleReport() {
        super("sales-cycle");
    }

    @Override
    public ReportResult run(ReportContext context, ReportFilter filter) {
        SqlDialect dialect = dialect(context);
        Dimension dimension = Dimension.of(filter.by(), dialect);
        List<ReportColumn> columns = List.of(dimension(dimension.id(), Messages.dimensionLabel(dimension.id()), Unit.TEXT),
                column(context, Metrics.SALES_CYCLE_DAYS), column(context, Metrics.WON_COUNT));
        return context.unitOfWork().read(em -> {
            // counts of deals only: no money, so deals of every currency count
            Sql sql = Queries.over(filter, Metrics.SALES_CYCLE_DAYS);
            dimension.joinTo(sql, filter);
            dimension.groupBy(sql);
            sql.select(Metrics.SALES_CYCLE_DAYS.aggregate(dialect)).select(Metrics.WON_COUNT.aggregate(dialect)).orderBy("1");
            List<ReportRow> rows = new ArrayList<>();
            for (Object[] r : sql.rows(em)) {
                rows.add(row(key(r[0]), dimension.labelOf(r[0], r[1]), Sql.decimal(r[2]), Sql.count(r[3])));
            }
            return result(filter, columns, rows, ChartKind.BAR, Queries.DEFAULT_CURRENCY, null);
        });
    }

    @Override
    public List<DrillRecord> drillDown(ReportContext context, ReportFilter filter, String drillKey) {
        Dimension dimension = Dimension.of(filter.by(), dialect(context));
        Sql sql = Queries.over(filter, Metrics.SALES_CYCLE_DAYS);
        dimension.joinTo(sql, filter);
        dimension.restrict(sql, drillKey);
        return deals(context, sql);
    }
}
