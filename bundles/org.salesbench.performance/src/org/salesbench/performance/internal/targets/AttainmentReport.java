package org.salesbench.performance.internal.targets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.DrillRecord;
import org.salesbench.analytics.Report;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportContext;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.ReportService;
import org.salesbench.analytics.Unit;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.performance.targets.Attainment;
import org.salesbench.performance.targets.PeriodKind;
import org.salesbench.performance.targets.SubjectKind;
import org.salesbench.performance.targets.TargetPeriod;

/**
 * {@code report attainment --by owner|team}: won revenue against target per person or team for a target period
 * ({@code --from}/{@code --to} spanning a year, half, quarter or month; this year by default), with the run rate and
 * the projection to the period's end. The actual figures come from the won-revenue report through the
 * {@link ReportService} the context offers, so they are exactly what that report shows.
 */
public class AttainmentReport implements Report {

    static final String ID = "attainment";
    static final String METRIC = "won_revenue";

    @Override
    public ReportResult run(ReportContext context, ReportFilter filter) {
        ReportService reports = context.service(ReportService.class)
                .orElseThrow(() -> new IllegalStateException("the report service offers no ReportService to " + ID));
        AttainmentServiceImpl attainment = new AttainmentServiceImpl(context.unitOfWork(), reports, context.metrics(), Clocks.system());
        LocalDate today = LocalDate.now(Clocks.system());
        TargetPeriod period = period(filter, today);
        String by = filter.by() == null ? "owner" : filter.by();
        SubjectKind kind = by.equals("team") ? SubjectKind.TEAM : SubjectKind.PERSON;
        Map<String, String> names = names(context, kind);
        List<ReportRow> rows = new ArrayList<>();
        for (Attainment a : attainment.attainments(METRIC, period, kind, today)) {
            if (filter.owner() != null && !(kind == SubjectKind.PERSON && a.subject().key().equals(filter.owner()))) {
                continue;
            }
            if (filter.teamId() != null && !(kind == SubjectKind.TEAM && a.subject().key().equals(filter.teamId().toString()))) {
                continue;
            }
            String key = a.subject().key();
            rows.add(new ReportRow(java.util.Arrays.asList(names.getOrDefault(key, key), a.target(), a.actual(), a.percent(), a.runRate(),
                    a.projection(), a.remaining()), key));
        }
        List<ReportColumn> columns = List.of(new ReportColumn(by, by.equals("team") ? Messages.Report_team : Messages.Report_owner, Unit.TEXT, null),
                new ReportColumn("target", Messages.Report_target, Unit.MONEY, "won_revenue_target"),
                new ReportColumn("actual", Messages.Report_actual, Unit.MONEY, METRIC),
                new ReportColumn("attainment", Messages.Report_attainment, Unit.PERCENT, "won_revenue_attainment"),
                new ReportColumn("run_rate", Messages.Report_runRate, Unit.MONEY, "won_revenue_run_rate"),
                new ReportColumn("projection", Messages.Report_projection, Unit.MONEY, "won_revenue_projection"),
                new ReportColumn("remaining", Messages.Report_remaining, Unit.MONEY, "won_revenue_remaining"));
        return new ReportResult(ID, Messages.Report_title, filter.withPeriod(period.from(), period.to()).withBy(by), columns, rows, ChartKind.BAR,
                Money.DEFAULT_CURRENCY, NLS.bind(Messages.Report_note, period, today));
    }

    /** The target period the filter spans exactly; this year when it names none. */
    static TargetPeriod period(ReportFilter filter, LocalDate today) {
        if (filter.from() == null && filter.to() == null) {
            return TargetPeriod.year(today.getYear());
        }
        LocalDate from = filter.from() == null ? filter.to() : filter.from();
        for (PeriodKind kind : PeriodKind.values()) {
            TargetPeriod p = TargetPeriod.containing(kind, from);
            if (p.from().equals(filter.from()) && (filter.to() == null || p.to().equals(filter.to()))) {
                return p;
            }
        }
        throw new ValidationException(List.of(new FieldError("from", NLS.bind(Messages.Report_notAPeriod, filter.from(), filter.to()), filter.from())));
    }

    private static Map<String, String> names(ReportContext context, SubjectKind kind) {
        Map<String, String> names = new HashMap<>();
        // SB_USER and SB_TEAM are published by the users module for reporting
        String sql = kind == SubjectKind.TEAM ? "SELECT ID, NAME FROM SB_TEAM" : "SELECT LOGIN, DISPLAY_NAME FROM SB_USER";
        context.unitOfWork().read(em -> {
            for (Object o : em.createNativeQuery(sql).getResultList()) {
                Object[] r = (Object[]) o;
                names.put(r[0] instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(r[0]), (String) r[1]);
            }
            return null;
        });
        return names;
    }

    /** The won deals behind a row: the won-revenue report's own drill-down for the owner or team in the period. */
    @Override
    public List<DrillRecord> drillDown(ReportContext context, ReportFilter filter, String drillKey) {
        Optional<ReportService> reports = context.service(ReportService.class);
        if (reports.isEmpty()) {
            return List.of();
        }
        TargetPeriod period = period(filter, LocalDate.now(Clocks.system()));
        String by = filter.by() == null ? "owner" : filter.by();
        return reports.get().drillDown("won-revenue", new ReportFilter(period.from(), period.to(), null, null, null, by), drillKey);
    }
}
