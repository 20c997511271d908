package org.salesbench.analytics.dashboards;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.Unit;

/**
 * What a tile shows: its report's result under the dashboard's and the tile's filters, and for a KPI tile the figure
 * with the same figure over the previous period of the same length.
 */
public record TileResult(DashboardTile tile, ReportFilter filter, ReportResult result, Kpi kpi) {

    /** Whether there is nothing to show in the period (the tile says so instead of drawing an empty chart). */
    public boolean isEmpty() {
        return result == null || result.isEmpty();
    }

    /** Whether a KPI figure can be shown; a KPI over rows whose figures do not add up (rates, averages) cannot. */
    public boolean hasFigure() {
        return kpi != null && kpi.value() != null;
    }

    /**
     * A KPI figure: {@code value} in the period, {@code previous} in the period before (either null when there were
     * no records to compute it from), its unit and, for money, its currency.
     */
    public record Kpi(String metricId, String label, BigDecimal value, BigDecimal previous, Unit unit, String currency) {

        /** The change against the previous period in percent (one decimal), or null when it cannot be computed. */
        public BigDecimal changePercent() {
            if (value == null || previous == null || previous.signum() == 0) {
                return null;
            }
            return value.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous.abs(), 1, RoundingMode.HALF_UP);
        }

        /** +1 up, -1 down, 0 flat or unknown. */
        public int trend() {
            if (value == null || previous == null) {
                return 0;
            }
            return Integer.signum(value.compareTo(previous));
        }
    }
}
