package org.salesbench.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.DrillRecord;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportContext;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.Unit;

/**
 * New customers and activities per owner in the period. Two GROUP BYs (customers, activities)
 * merged by owner; the pipeline filter does not apply to either.
 */
public class ActivityReport extends SqlReport {

    public ActivityReport() {
        super("activity");
    }

    @Override
    public ReportResult run(ReportContext context, ReportFilter filter) {
        SqlDialect dialect = dialect(context);
        List<ReportColumn> columns = List.of(dimension("owner", Messages.dimensionLabel("owner"), Unit.TEXT),
                column(context, Metrics.NEW_CUSTOMERS), column(context, Metrics.ACTIVITIES));
        return context.unitOfWork().read(em -> {
            Map<String, long[]> byOwner = new TreeMap<>();
            Sql customers = Queries.over(filter, Metrics.NEW_CUSTOMERS).select("c.OWNER").select(Metrics.NEW_CUSTOMERS.aggregate(dialect)).groupBy("c.OWNER");
            for (Object[] r : customers.rows(em)) {
                byOwner.computeIfAbsent((String) r[0], o -> new long[2])[0] = Sql.count(r[1]);
            }
            Sql activities = Queries.over(filter, Metrics.ACTIVITIES).select("a.OWNER").select(Metrics.ACTIVITIES.aggregate(dialect)).groupBy("a.OWNER");
            for (Object[] r : activities.rows(em)) {
                byOwner.computeIfAbsent((String) r[0], o -> new long[2])[1] = Sql.count(r[1]);
            }
            Map<String, String> names = new TreeMap<>();
            if (!byOwner.isEmpty()) {
                for (Object[] r : new Sql("SB_USER u").select("u.LOGIN").select("u.DISPLAY_NAME").rows(em)) {
                    names.put((String) r[0], (String) r[1]);
                }
            }
            List<ReportRow> rows = new ArrayList<>();
            byOwner.forEach((owner, counts) -> rows.add(row(owner, names.getOrDefault(owner, owner), counts[0], counts[1])));
            return result(filter, columns, rows, ChartKind.BAR, Queries.DEFAULT_CURRENCY, null);
        });
    }

    /** The owner's new customers, then their activities. */
    @Override
    public List<DrillRecord> drillDown(ReportContext context, ReportFilter filter, String drillKey) {
        return context.unitOfWork().read(em -> {
            List<DrillRecord> records = new ArrayList<>();
            Sql customers = Queries.over(filter, Metrics.NEW_CUSTOMERS).where("c.OWNER = ?", drillKey).select("c.ID").select("c.NAME").orderBy("c.ID");
            customers.rows(em).forEach(r -> records.add(new DrillRecord("customer", Sql.id(r[0]), (String) r[1], null)));
            Sql activities = Queries.over(filter, Metrics.ACTIVITIES).where("a.OWNER = ?", drillKey).select("a.ID").select("a.SUMMARY").orderBy("a.ID");
            activities.rows(em).forEach(r -> records.add(new DrillRecord("activity", Sql.id(r[0]), (String) r[1], null)));
            return records;
        });
    }
}
