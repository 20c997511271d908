package org.salesbench.analytics.output.tests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.Unit;

/** Report results written by hand, with Chinese names, so outputs are tested without running a report. */
final class SampleResults {

    static final String TITLE = "赢单收入（按负责人）";
    static final ReportFilter FILTER = ReportFilter.all().withPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)).withBy("owner");

    private SampleResults() {
    }

    /** Won revenue by owner: three owners, money and counts. */
    static ReportResult wonByOwner(ChartKind chart) {
        List<ReportColumn> columns = List.of(new ReportColumn("owner", "负责人", Unit.TEXT, null),
                new ReportColumn("won_revenue", "赢单收入", Unit.MONEY, "won_revenue"),
                new ReportColumn("won_count", "赢单数", Unit.COUNT, "won_count"),
                new ReportColumn("win_rate", "赢率", Unit.PERCENT, "win_rate"));
        List<ReportRow> rows = List.of(
                new ReportRow(List.of("王小明", new BigDecimal("1234567.5000"), 12L, 62.5), "owner:wang"),
                new ReportRow(List.of("李华", new BigDecimal("800000.0000"), 7L, 43.75), "owner:li"),
                new ReportRow(List.of("Zhang Wei", new BigDecimal("15000.2500"), 1L, 100.0), "owner:zhang"));
        return new ReportResult("won-revenue", TITLE, FILTER, columns, rows, chart, "CNY");
    }

    /** A funnel as the funnel report returns it: pipeline, stage, the deals that reached it (decreasing), conversion. */
    static ReportResult funnel() {
        List<ReportColumn> columns = List.of(new ReportColumn("pipeline", "销售流程", Unit.TEXT, null),
                new ReportColumn("stage", "阶段", Unit.TEXT, null),
                new ReportColumn("reached", "到达数", Unit.COUNT, "stage_reached"),
                new ReportColumn("conversion", "转化率", Unit.PERCENT, "stage_conversion"));
        List<ReportRow> rows = List.of(new ReportRow(List.of("新业务", "初步接洽", 100L, 60.0), "1"),
                new ReportRow(List.of("新业务", "需求确认", 60L, 50.0), "2"), new ReportRow(List.of("新业务", "方案报价", 30L, 66.7), "3"),
                new ReportRow(java.util.Arrays.asList("新业务", "赢单", 20L, null), "4"));
        return new ReportResult("funnel", "商机漏斗", ReportFilter.all(), columns, rows, ChartKind.FUNNEL, "CNY");
    }

    /** Forecast by month and category: two grouping columns and a date column. */
    static ReportResult forecast(ChartKind chart) {
        List<ReportColumn> columns = List.of(new ReportColumn("month", "月份", Unit.TEXT, null),
                new ReportColumn("category", "预测类别", Unit.TEXT, null),
                new ReportColumn("weighted_amount", "加权金额", Unit.MONEY, "weighted_amount"),
                new ReportColumn("first_close", "最早成交日", Unit.DATE, null));
        List<ReportRow> rows = List.of(
                new ReportRow(List.of("2026-01", "承诺", new BigDecimal("50000.00"), LocalDate.of(2026, 1, 3)), "2026-01:COMMIT"),
                new ReportRow(List.of("2026-01", "可能", new BigDecimal("20000.00"), LocalDate.of(2026, 1, 9)), "2026-01:BEST_CASE"),
                new ReportRow(List.of("2026-02", "承诺", new BigDecimal("70000.00"), LocalDate.of(2026, 2, 1)), "2026-02:COMMIT"));
        return new ReportResult("forecast", "加权预测", ReportFilter.all(), columns, rows, chart, "CNY");
    }

    static ReportResult empty(ChartKind chart) {
        ReportResult sample = wonByOwner(chart);
        return new ReportResult(sample.reportId(), sample.title(), sample.filter(), sample.columns(), List.of(), chart, "CNY");
    }
}
