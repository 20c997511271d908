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

/**
 * The deals closed in the period. By {@code reason}: one row for the won deals, then one per loss
 * reason, each with its deals, amount and share of the closed deals (the won row's share is the win
 * rate). By {@code owner}: won and lost deals and amounts and the win rate per owner.
 */
public class WinLossReport extends SqlReport {

    /** The drill key of the row of won deals when grouping by reason. */
    static final String WON_KEY = "WON";
    /** Drill keys of loss reasons start with this, so a reason called "WON" stays a reason. */
    static final String LOST_PREFIX = "LOST:";

    public WinLossReport() {
        super("win-loss");
    }

    @Override
    public ReportResult run(ReportContext context, ReportFilter filter) {
        return "owner".equals(filter.by()) ? byOwner(context, filter) : byReason(context, filter);
    }

    private ReportResult byReason(ReportContext context, ReportFilter filter) {
        SqlDialect dialect = dialect(context);
        List<ReportColumn> columns = List.of(dimension("outcome", Messages.Dimension_outcome, Unit.TEXT), column(context, Metrics.CLOSED_COUNT),
                column(context, Metrics.CLOSED_AMOUNT), column(context, Metrics.CLOSED_SHARE));
        return context.unitOfWork().read(em -> {
            Sql sql = Queries.over(filter, Metrics.CLOSED_COUNT, Metrics.CLOSED_AMOUNT);
            Queries.CurrencyChoice currency = Queries.oneCurrency(em, sql, "o.CURRENCY", "COUNT(*)");
            String reason = "CASE WHEN o.STATE = 'WON' THEN NULL ELSE o.LOSS_REASON END";
            sql.select("o.STATE").select(reason).select(Metrics.CLOSED_COUNT.aggregate(dialect)).select(Metrics.CLOSED_AMOUNT.aggregate(dialect))
                    .groupBy("o.STATE").groupBy(reason).orderBy("1 DESC, 3 DESC, 2");
            List<Object[]> groups = sql.rows(em);
            long closed = groups.stream().mapToLong(r -> Sql.count(r[2])).sum();
            List<ReportRow> rows = new ArrayList<>();
            for (Object[] r : groups) {
                boolean won = "WON".equals(r[0]);
                String label = won ? Messages.Outcome_won : r[1] == null ? Messages.Outcome_lostNoReason : (String) r[1];
                String key = won ? WON_KEY : LOST_PREFIX + (r[1] == null ? NONE_KEY : r[1]);
                long count = Sql.count(r[2]);
                rows.add(row(key, label, count, Sql.money(r[3]), Queries.percent(count, closed)));
            }
            return result(filter, columns, rows, ChartKind.BAR, currency.currency(), currency.note());
        });
    }

    private ReportResult byOwner(ReportContext context, ReportFilter filter) {
        SqlDialect dialect = dialect(context);
        Dimension owner = Dimension.of("owner", dialect);
        List<ReportColumn> columns = List.of(dimension("owner", Messages.dimensionLabel("owner"), Unit.TEXT), column(context, Metrics.WON_COUNT),
                column(context, Metrics.WON_REVENUE), column(context, Metrics.LOST_COUNT), column(context, Metrics.LOST_AMOUNT),
                column(context, Metrics.WIN_RATE));
        return context.unitOfWork().read(em -> {
            Sql sql = Queries.over(filter, Metrics.WON_COUNT, Metrics.WON_REVENUE, Metrics.LOST_COUNT, Metrics.LOST_AMOUNT, Metrics.WIN_RATE);
            Queries.CurrencyChoice currency = Queries.oneCurrency(em, sql, "o.CURRENCY", "COUNT(*)");
            owner.joinTo(sql, filter);
            owner.groupBy(sql);
            for (Metrics m : List.of(Metrics.WON_COUNT, Metrics.WON_REVENUE, Metrics.LOST_COUNT, Metrics.LOST_AMOUNT, Metrics.WIN_RATE)) {
                sql.select(m.aggregate(dialect));
            }
            sql.orderBy("1");
            List<ReportRow> rows = new ArrayList<>();
            for (Object[] r : sql.rows(em)) {
                rows.add(row(key(r[0]), owner.labelOf(r[0], r[1]), Sql.count(r[2]), Sql.money(r[3]), Sql.count(r[4]), Sql.money(r[5]), Sql.decimal(r[6])));
            }
            return result(filter, columns, rows, ChartKind.BAR, currency.currency(), currency.note());
        });
    }

    @Override
    public List<DrillRecord> drillDown(ReportContext context, ReportFilter filter, String drillKey) {
        Sql sql = Queries.over(filter, Metrics.CLOSED_COUNT);
        context.unitOfWork().read(em -> Queries.oneCurrency(em, sql, "o.CURRENCY", "COUNT(*)"));
        if ("owner".equals(filter.by())) {
            Dimension owner = Dimension.of("owner", dialect(context));
            owner.joinTo(sql, filter);
            owner.restrict(sql, drillKey);
        } else if (WON_KEY.equals(drillKey)) {
            sql.where("o.STATE = 'WON'");
        } else if (drillKey.startsWith(LOST_PREFIX)) {
            String reason = drillKey.substring(LOST_PREFIX.length());
            sql.where("o.STATE = 'LOST'");
            if (NONE_KEY.equals(reason)) {
                sql.where("o.LOSS_REASON IS NULL");
            } else {
                sql.where("o.LOSS_REASON = ?", reason);
            }
        } else {
            return List.of();
        }
        return deals(context, sql);
    }
}
