package org.salesbench.analytics.internal;

import java.time.YearMonth;
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

/** Won revenue and won deals by owner, team, product, sector, region or month, in one currency. */
public class WonRevenueReport extends SqlReport {

    public WonRevenueReport() {
        super("won-revenue");
    }

    @Override
    public ReportResult run(ReportContext context, ReportFilter filter) {
        SqlDialect dialect = dialect(context);
        Dimension dimension = Dimension.of(filter.by(), dialect);
        List<ReportColumn> columns = List.of(dimension(dimension.id(), Messages.dimensionLabel(dimension.id()), Unit.TEXT),
                column(context, Metrics.WON_REVENUE), column(context, Metrics.WON_COUNT));
        return context.unitOfWork().read(em -> {
            Sql sql = Queries.over(filter, Metrics.WON_REVENUE, Metrics.WON_COUNT);
            Queries.CurrencyChoice currency = Queries.oneCurrency(em, sql, "o.CURRENCY", "COUNT(*)");
            if (dimension.groupsBeforeJoin()) {
                // by owner (what attainment asks): one row per owner joined to the names, not every won deal
                sql = dimension.groupedThenJoined(sql, Metrics.WON_REVENUE.aggregate(dialect), Metrics.WON_COUNT.aggregate(dialect));
            } else {
                dimension.joinTo(sql, filter);
                dimension.groupBy(sql);
                sql.select(Metrics.WON_REVENUE.aggregate(dialect)).select(Metrics.WON_COUNT.aggregate(dialect));
            }
            sql.orderBy(dimension.id().equals("month") ? "1" : "3 DESC, 2");
            List<ReportRow> rows = new ArrayList<>();
            Integer previousMonth = null;
            for (Object[] r : sql.rows(em)) {
                if (dimension.id().equals("month") && r[0] != null) {
                    // a month without a won deal is a zero, not a gap a line chart would draw across
                    int month = ((Number) r[0]).intValue();
                    for (YearMonth m = previousMonth == null ? null : yearMonth(previousMonth).plusMonths(1);
                            m != null && m.isBefore(yearMonth(month)); m = m.plusMonths(1)) {
                        int missing = m.getYear() * 100 + m.getMonthValue();
                        rows.add(row(key(missing), dimension.labelOf(missing, null), Sql.money(null), 0L));
                    }
                    previousMonth = month;
                }
                rows.add(row(key(r[0]), dimension.labelOf(r[0], r[1]), Sql.money(r[2]), Sql.count(r[3])));
            }
            return result(filter, columns, rows, ChartKind.BAR, currency.currency(), currency.note());
        });
    }

    private static YearMonth yearMonth(int yyyymm) {
        return YearMonth.of(yyyymm / 100, yyyymm % 100);
    }

    @Override
    public List<DrillRecord> drillDown(ReportContext context, ReportFilter filter, String drillKey) {
        Dimension dimension = Dimension.of(filter.by(), dialect(context));
        Sql sql = Queries.over(filter, Metrics.WON_REVENUE);
        context.unitOfWork().read(em -> Queries.oneCurrency(em, sql, "o.CURRENCY", "COUNT(*)"));
        dimension.joinTo(sql, filter);
        dimension.restrict(sql, drillKey);
        return deals(context, sql);
    }
}
