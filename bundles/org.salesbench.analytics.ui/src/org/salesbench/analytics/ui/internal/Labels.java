package org.salesbench.analytics.ui.internal;

import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.ReportFormat;
import org.salesbench.analytics.Unit;
import org.salesbench.analytics.dashboards.DashboardPeriod;

/** Names of periods, chart kinds, units and formats in the user's language. */
public final class Labels {

    private Labels() {
    }

    public static String period(DashboardPeriod period) {
        return switch (period) {
            case THIS_MONTH -> Messages.Period_thisMonth;
            case THIS_QUARTER -> Messages.Period_thisQuarter;
            case THIS_YEAR -> Messages.Period_thisYear;
            case LAST_12_MONTHS -> Messages.Period_last12Months;
            case CUSTOM -> Messages.Period_custom;
        };
    }

    public static String chart(ChartKind kind) {
        return switch (kind) {
            case KPI -> Messages.Chart_kpi;
            case BAR -> Messages.Chart_bar;
            case LINE -> Messages.Chart_line;
            case PIE -> Messages.Chart_pie;
            case FUNNEL -> Messages.Chart_funnel;
            case TABLE -> Messages.Chart_table;
        };
    }

    public static String unit(Unit unit) {
        return switch (unit) {
            case MONEY -> Messages.Unit_money;
            case COUNT -> Messages.Unit_count;
            case PERCENT -> Messages.Unit_percent;
            case DAYS -> Messages.Unit_days;
            case TEXT -> Messages.Unit_text;
            case DATE -> Messages.Unit_date;
        };
    }

    public static String format(ReportFormat format) {
        return switch (format) {
            case CSV -> Messages.Format_csv;
            case XLSX -> Messages.Format_xlsx;
            case PDF -> Messages.Format_pdf;
        };
    }

    /** A dimension name ("owner", "month" …) as users read it; unknown ones as they are. */
    public static String dimension(String by) {
        if (by == null) {
            return Messages.Dimension_default;
        }
        return switch (by) {
            case "owner" -> Messages.Dimension_owner; //$NON-NLS-1$
            case "team" -> Messages.Dimension_team; //$NON-NLS-1$
            case "product" -> Messages.Dimension_product; //$NON-NLS-1$
            case "sector", "industry" -> Messages.Dimension_sector; //$NON-NLS-1$ //$NON-NLS-2$
            case "region" -> Messages.Dimension_region; //$NON-NLS-1$
            case "month" -> Messages.Dimension_month; //$NON-NLS-1$
            case "category" -> Messages.Dimension_category; //$NON-NLS-1$
            case "reason" -> Messages.Dimension_reason; //$NON-NLS-1$
            case "stage" -> Messages.Dimension_stage; //$NON-NLS-1$
            case "pipeline" -> Messages.Dimension_pipeline; //$NON-NLS-1$
            case "size" -> Messages.Dimension_size; //$NON-NLS-1$
            case "grade" -> Messages.Dimension_grade; //$NON-NLS-1$
            case "value" -> Messages.Dimension_value; //$NON-NLS-1$
            default -> by;
        };
    }
}
