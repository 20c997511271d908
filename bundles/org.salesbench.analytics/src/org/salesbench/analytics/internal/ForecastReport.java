package org.salesbench.analytics.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.eclipse.osgi.util.NLS;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.DrillRecord;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportContext;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.Unit;
import org.salesbench.opportunities.ForecastCategory;
import org.salesbench.opportunities.ForecastGrouping;
import org.salesbench.opportunities.ForecastQuery;
import org.salesbench.opportunities.ForecastRow;
import org.salesbench.opportunities.ForecastService;

/**
 * The weighted forecast by expected close month and forecast category. The opportunities module
 * defines it (its {@link ForecastService}, one GROUP BY); this report delegates, so the board's and
 * the report's forecast cannot differ. The period covers whole months.
 */
public class ForecastReport extends SqlReport {

    /** Months far enough apart to stand for "no limit" in a {@link ForecastQuery}, which needs both ends. */
    private static final YearMonth FIRST = YearMonth.of(1900, 1);
    private static final YearMonth LAST = YearMonth.of(9999, 12);

    public ForecastReport() {
        super("forecast");
    }

    @Override
    public ReportResult run(ReportContext context, ReportFilter filter) {
        ForecastService forecast = context.service(ForecastService.class)
                .orElseThrow(() -> new IllegalStateException("The forecast report needs the opportunities' ForecastService"));
        List<ReportColumn> columns = List.of(dimension("month", Messages.dimensionLabel("month"), Unit.TEXT),
                dimension("category", Messages.Dimension_category, Unit.TEXT), column(context, Metrics.FORECAST_COUNT),
                column(context, Metrics.FORECAST_AMOUNT), column(context, Metrics.WEIGHTED_AMOUNT));
        List<ForecastRow> cells = forecast.forecast(new ForecastQuery(filter.from() == null ? FIRST : YearMonth.from(filter.from()),
                filter.to() == null ? LAST : YearMonth.from(filter.to()), ForecastGrouping.NONE, filter.pipelineId(), filter.owner(), filter.teamId()));
        // one currency: the one most deals are in (CNY on a tie), the others are named in the note
        Map<String, Long> dealsByCurrency = new HashMap<>();
        cells.forEach(c -> dealsByCurrency.merge(c.amount().getCurrency(), c.count(), Long::sum));
        String currency = Queries.DEFAULT_CURRENCY;
        long best = -1;
        for (String c : new TreeSet<>(dealsByCurrency.keySet())) {
            long n = dealsByCurrency.get(c);
            if (n > best || n == best && Queries.DEFAULT_CURRENCY.equals(c)) {
                currency = c;
                best = n;
            }
        }
        List<ReportRow> rows = new ArrayList<>();
        long leftOut = 0;
        TreeSet<String> others = new TreeSet<>();
        for (ForecastRow cell : cells) {
            if (!cell.amount().getCurrency().equals(currency)) {
                leftOut += cell.count();
                others.add(cell.amount().getCurrency());
                continue;
            }
            rows.add(row(cell.month() + ":" + cell.category().name(), cell.month().toString(), Messages.categoryLabel(cell.category()), cell.count(),
                    Sql.money(cell.amount().getAmount()), Sql.money(cell.weighted().getAmount())));
        }
        String note = others.isEmpty() ? null : NLS.bind(Messages.Note_otherCurrencies, new Object[] {leftOut, String.join(", ", others), currency});
        return result(filter, columns, rows, ChartKind.BAR, currency, note);
    }

    @Override
    public List<DrillRecord> drillDown(ReportContext context, ReportFilter filter, String drillKey) {
        int colon = drillKey.indexOf(':');
        if (colon < 0) {
            return List.of();
        }
        YearMonth month = YearMonth.parse(drillKey.substring(0, colon));
        ForecastCategory category = ForecastCategory.valueOf(drillKey.substring(colon + 1));
        Sql sql = Queries.over(filter, Metrics.WEIGHTED_AMOUNT);
        context.unitOfWork().read(em -> Queries.oneCurrency(em, sql, "o.CURRENCY", "COUNT(*)"));
        sql.where("o.CLOSE_MONTH = ?", month.getYear() * 100 + month.getMonthValue()).where("o.FORECAST_CATEGORY = ?", category.name());
        return deals(context, sql);
    }

}
