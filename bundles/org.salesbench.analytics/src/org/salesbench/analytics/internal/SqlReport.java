package org.salesbench.analytics.internal;

import java.util.ArrayList;
import java.util.List;

import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.DrillRecord;
import org.salesbench.analytics.Metric;
import org.salesbench.analytics.Report;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportContext;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.Unit;

/** What the shipped reports share: columns from the catalogue, the dialect, the drill-down query over deals. */
abstract class SqlReport implements Report {

    /** The drill key of a group whose value is not set (no team, no product, no industry…). */
    static final String NONE_KEY = "-";

    private final String id;

    SqlReport(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    static SqlDialect dialect(ReportContext context) {
        return SqlDialect.of(context.unitOfWork().settings());
    }

    /** A column showing {@code metric}, labelled by the catalogue. */
    static ReportColumn column(ReportContext context, Metrics metric) {
        Metric m = context.metrics().metric(metric.id()).orElseGet(() -> metric.metric(context.locale()));
        return new ReportColumn(metric.id(), m.label(), metric.unit(), metric.id());
    }

    static ReportColumn dimension(String id, String label, Unit unit) {
        return new ReportColumn(id, label, unit, null);
    }

    /** A result titled by the report's id; the report service puts the contributed name in. */
    ReportResult result(ReportFilter filter, List<ReportColumn> columns, List<ReportRow> rows, ChartKind chart, String currency, String note) {
        return new ReportResult(id, id, filter, columns, rows, chart, currency, note);
    }

    static ReportRow row(String drillKey, Object... values) {
        List<Object> list = new ArrayList<>(values.length);
        for (Object v : values) {
            list.add(v);
        }
        return new ReportRow(list, drillKey);
    }

    /** The deals {@code sql} selects (alias {@code o}), by id, with their amounts. */
    static List<DrillRecord> deals(ReportContext context, Sql sql) {
        sql.select("o.ID").select("o.NAME").select("o.AMOUNT").orderBy("o.ID");
        return context.unitOfWork().read(em -> sql.rows(em).stream()
                .map(r -> new DrillRecord("opportunity", Sql.id(r[0]), (String) r[1], r[2] == null ? null : Sql.money(r[2]))).toList());
    }

    static String key(Object value) {
        return value == null ? NONE_KEY : value.toString();
    }
}
