package org.salesbench.performance.internal.targets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.salesbench.performance.targets.Attainment;
import org.salesbench.performance.targets.SubjectKind;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.persistence.MaskingViews;

/**
 * {@code report bulletin} (战报): the deals won in a target period ranked by amount, largest first (ties: the earlier
 * win first), each with who won it, from which customer, for how much, and where its owner stands against their won
 * revenue target for the period after all of the period's wins. The period is a year, half, quarter or month
 * ({@code --period 2026-Q4}, or {@code --from}/{@code --to} spanning one), this quarter by default; {@code --owner}
 * and {@code --team} narrow it to a person's or a team's wins. The note sums the bulletin up in a sentence.
 */
public class BulletinReport implements Report {

    static final String ID = "bulletin";

    @Override
    public ReportResult run(ReportContext context, ReportFilter filter) {
        LocalDate today = LocalDate.now(Clocks.system());
        TargetPeriod period = filter.from() == null && filter.to() == null ? TargetPeriod.quarter(today.getYear(), (today.getMonthValue() - 1) / 3 + 1)
                : AttainmentReport.period(filter, today);
        Map<String, String> names = new HashMap<>();
        List<String> members = new ArrayList<>();
        List<Object[]> wins = context.unitOfWork().read(em -> {
            // SB_USER and SB_TEAM_MEMBER are published by the users module, SB_OPPORTUNITY and SB_CUSTOMER by theirs, for reporting
            for (Object o : MaskingViews.query(em, "SELECT LOGIN, DISPLAY_NAME FROM SB_USER").getResultList()) {
                Object[] r = (Object[]) o;
                names.put((String) r[0], (String) r[1]);
            }
            if (filter.teamId() != null) {
                for (Object o : MaskingViews.query(em, "SELECT LOGIN FROM SB_TEAM_MEMBER WHERE TEAM_ID = ?").setParameter(1, filter.teamId()).getResultList()) {
                    members.add((String) o);
                }
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = MaskingViews.query(em, "SELECT o.ID, o.OWNER, c.NAME, o.NAME, o.CLOSED_ON, o.AMOUNT FROM {SB_OPPORTUNITY} o"
                    + " JOIN {SB_CUSTOMER} c ON c.ID = o.CUSTOMER_ID WHERE o.STATE = 'WON' AND o.DELETED_AT IS NULL AND o.CLOSED_ON BETWEEN ? AND ?"
                    + " ORDER BY o.AMOUNT DESC, o.CLOSED_ON, o.ID").setParameter(1, Date.valueOf(period.from())).setParameter(2, Date.valueOf(period.to()))
                    .getResultList();
            return rows;
        });
        ReportService reports = context.service(ReportService.class)
                .orElseThrow(() -> new IllegalStateException("the report service offers no ReportService to " + ID));
        Map<String, Attainment> standing = new HashMap<>();
        for (Attainment a : new AttainmentServiceImpl(context.unitOfWork(), reports, context.metrics(), Clocks.system())
                .attainments(AttainmentReport.METRIC, period, SubjectKind.PERSON, today)) {
            standing.put(a.subject().key(), a);
        }
        List<ReportRow> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Object[] w : wins) {
            String owner = (String) w[1];
            if (filter.owner() != null && !filter.owner().equalsIgnoreCase(owner) || filter.teamId() != null && !members.contains(owner)) {
                continue;
            }
            BigDecimal amount = w[5] == null ? BigDecimal.ZERO : new BigDecimal(w[5].toString()).setScale(2, RoundingMode.HALF_EVEN);
            total = total.add(amount);
            Attainment a = standing.get(owner);
            rows.add(new ReportRow(Arrays.asList(String.valueOf(rows.size() + 1), names.getOrDefault(owner, owner), w[2], w[3], String.valueOf(w[4]), amount,
                    a == null ? null : a.target(), a == null ? null : a.percent()), "opportunity:" + w[0]));
        }
        // the rank is a label, not a figure: a chart of the bulletin draws the amounts, one bar per place
        List<ReportColumn> columns = List.of(new ReportColumn("rank", Messages.Bulletin_rank, Unit.TEXT, null),
                new ReportColumn("owner", Messages.Report_owner, Unit.TEXT, null),
                new ReportColumn("customer", Messages.Bulletin_customer, Unit.TEXT, null),
                new ReportColumn("opportunity", Messages.Bulletin_opportunity, Unit.TEXT, null),
                new ReportColumn("won_on", Messages.Bulletin_wonOn, Unit.TEXT, null),
                new ReportColumn("amount", Messages.Bulletin_amount, Unit.MONEY, "won_revenue"),
                new ReportColumn("target", Messages.Report_target, Unit.MONEY, "won_revenue_target"),
                new ReportColumn("attainment", Messages.Report_attainment, Unit.PERCENT, "won_revenue_attainment"));
        String note = rows.isEmpty() ? NLS.bind(Messages.Bulletin_none, period)
                : NLS.bind(Messages.Bulletin_note, new Object[] { period, rows.size(), total.toPlainString(), rows.get(0).values().get(1),
                        rows.get(0).values().get(5), rows.get(0).values().get(2) });
        return new ReportResult(ID, Messages.Bulletin_title, filter.withPeriod(period.from(), period.to()), columns, rows, ChartKind.BAR,
                Money.DEFAULT_CURRENCY, note);
    }

    /** The won deal behind a row. */
    @Override
    public List<DrillRecord> drillDown(ReportContext context, ReportFilter filter, String drillKey) {
        ReportResult result = run(context, filter);
        return result.rows().stream().filter(r -> r.drillKey().equals(drillKey)).map(r -> new DrillRecord("opportunity",
                Long.parseLong(drillKey.substring(drillKey.indexOf(':') + 1)), (String) r.values().get(3), (BigDecimal) r.values().get(5))).toList();
    }
}
