package org.salesbench.analytics.internal;

import java.util.ArrayList;
import java.util.List;


import jakarta.persistence.EntityManager;

import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.DrillRecord;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportContext;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.Unit;

/**
 * Customers by industry, size, grade, region or value band, with the revenue won from them in the
 * period. The owner and team filters select customers by their owner; period and pipeline select the
 * won deals. Value band = the customer's won revenue in the period: none, under 100,000, under
 * 1,000,000, or more.
 */
public class CustomerProfileReport extends SqlReport {

    public CustomerProfileReport() {
        super("customer-profile");
    }

    /** The segment's SQL over {@code c} (customers) and {@code v.WON} (their won revenue). */
    static String segment(String by) {
        return switch (by) {
            case "industry" -> "c.INDUSTRY";
            case "size" -> "c.COMPANY_SIZE";
            case "grade" -> "c.GRADE";
            case "region" -> "c.REGION";
            case "value" -> "CASE WHEN v.WON IS NULL THEN 0 WHEN v.WON < 100000 THEN 1 WHEN v.WON < 1000000 THEN 2 ELSE 3 END";
            default -> throw new IllegalArgumentException("No segment " + by);
        };
    }

    /** How a segment's value reads: value bands by their labels, the rest as stored (picklist codes are labelled by the caller). */
    private static String segmentLabel(String by, Object value) {
        if ("value".equals(by)) {
            return Messages.band(((Number) value).intValue());
        }
        if (value == null) {
            return Messages.Group_none;
        }
        return value.toString(); // a code the list has not (a value kept as written) is shown as it is
    }

    /**
     * The industry list's labels in the user's language by code (the picklists' table, which persistence publishes for
     * reports): an industry is stored as its code.
     */
    static java.util.Map<String, String> industryLabels(EntityManager em) {
        return picklistLabels(em, "industry");
    }

    /** A picklist's labels in the user's language by code ({@code SB_PICKLIST_VALUE}, published for reports). */
    static java.util.Map<String, String> picklistLabels(EntityManager em, String list) {
        String column = "zh".equals(java.util.Locale.getDefault().getLanguage()) ? "LABEL_ZH" : "LABEL_EN";
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        for (Object row : em.createNativeQuery("SELECT CODE, " + column + " FROM SB_PICKLIST_VALUE WHERE LIST_ID = ?1").setParameter(1, list)
                .getResultList()) {
            Object[] r = (Object[]) row;
            labels.put((String) r[0], (String) r[1]);
        }
        return labels;
    }

    private static final class Scope {
        Sql customers;
        Queries.CurrencyChoice currency;
    }

    /** Customers of the filter's owner or team, joined to their won revenue in the result's currency. */
    private static Scope scope(EntityManager em, ReportContext context, ReportFilter filter) {
        Sql won = Queries.over(filter.withOwner(null).withTeamId(null), Metrics.WON_REVENUE);
        if (filter.owner() != null || filter.teamId() != null) {
            Sql owned = new Sql("{SB_CUSTOMER} c").select("c.ID");
            Queries.limit(owned, Metrics.Source.CUSTOMER, filter);
            won.where("o.CUSTOMER_ID IN (" + owned + ")", owned.parameters().toArray());
        }
        Scope scope = new Scope();
        scope.currency = Queries.oneCurrency(em, won, "o.CURRENCY", "COUNT(*)");
        won.select("o.CUSTOMER_ID CID").select(Metrics.WON_REVENUE.aggregate(dialect(context)) + " WON").groupBy("o.CUSTOMER_ID");
        scope.customers = new Sql("{SB_CUSTOMER} c LEFT JOIN (" + won + ") v ON v.CID = c.ID", won.parameters().toArray());
        Queries.limit(scope.customers, Metrics.Source.CUSTOMER, filter);
        return scope;
    }

    @Override
    public ReportResult run(ReportContext context, ReportFilter filter) {
        String segment = segment(filter.by());
        List<ReportColumn> columns = List.of(dimension(filter.by(), Messages.dimensionLabel(filter.by()), Unit.TEXT),
                column(context, Metrics.CUSTOMER_COUNT), column(context, Metrics.WON_REVENUE));
        return context.unitOfWork().read(em -> {
            Scope scope = scope(em, context, filter);
            // the customer's won revenue, summed per segment: WON_REVENUE over the customers' sums
            Sql sql = scope.customers.select(segment).select(Metrics.CUSTOMER_COUNT.aggregate(dialect(context))).select("SUM(v.WON)")
                    .groupBy(segment).orderBy("value".equals(filter.by()) ? "1" : "2 DESC, 1");
            List<ReportRow> rows = new ArrayList<>();
            // industries and company sizes are stored as picklist codes: shown by their labels
            java.util.Map<String, String> industries = "industry".equals(filter.by()) ? industryLabels(em)
                    : "size".equals(filter.by()) ? picklistLabels(em, "companySize") : java.util.Map.of();
            for (Object[] r : sql.rows(em)) {
                String label = r[0] != null && industries.containsKey(r[0].toString()) ? industries.get(r[0].toString())
                        : segmentLabel(filter.by(), r[0]);
                rows.add(row(key(r[0]), label, Sql.count(r[1]), Sql.money(r[2])));
            }
            return result(filter, columns, rows, ChartKind.PIE, scope.currency.currency(), scope.currency.note());
        });
    }

    @Override
    public List<DrillRecord> drillDown(ReportContext context, ReportFilter filter, String drillKey) {
        String segment = segment(filter.by());
        return context.unitOfWork().read(em -> {
            Sql sql = scope(em, context, filter).customers;
            if (NONE_KEY.equals(drillKey)) {
                sql.where(segment + " IS NULL");
            } else if ("value".equals(filter.by())) {
                sql.where(segment + " = ?", Integer.valueOf(drillKey));
            } else {
                sql.where(segment + " = ?", drillKey);
            }
            sql.select("c.ID").select("c.NAME").select("v.WON").orderBy("c.ID");
            return sql.rows(em).stream().map(r -> new DrillRecord("customer", Sql.id(r[0]), (String) r[1], Sql.money(r[2]))).toList();
        });
    }
}
