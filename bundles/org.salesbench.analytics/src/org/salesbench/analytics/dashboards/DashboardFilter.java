package org.salesbench.analytics.dashboards;

import java.time.LocalDate;

import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.dashboards.internal.Messages;
import org.salesbench.core.model.DateRange;
import org.salesbench.core.validation.Validator;

/**
 * What the filter bar at the top of a dashboard applies to all its tiles: a period (from/to are used only for
 * {@link DashboardPeriod#CUSTOM}), and an owner, team and pipeline (null: any).
 */
public record DashboardFilter(DashboardPeriod period, LocalDate from, LocalDate to, String owner, Long teamId,
        Long pipelineId) {

    /** This year, everyone, every pipeline. */
    public static DashboardFilter defaults() {
        return new DashboardFilter(DashboardPeriod.THIS_YEAR, null, null, null, null, null);
    }

    public DashboardFilter withPeriod(DashboardPeriod newPeriod) {
        return new DashboardFilter(newPeriod, from, to, owner, teamId, pipelineId);
    }

    public DashboardFilter withCustom(LocalDate newFrom, LocalDate newTo) {
        return new DashboardFilter(DashboardPeriod.CUSTOM, newFrom, newTo, owner, teamId, pipelineId);
    }

    public DashboardFilter withOwner(String newOwner) {
        return new DashboardFilter(period, from, to, newOwner, teamId, pipelineId);
    }

    public DashboardFilter withTeam(Long newTeamId) {
        return new DashboardFilter(period, from, to, owner, newTeamId, pipelineId);
    }

    public DashboardFilter withPipeline(Long newPipelineId) {
        return new DashboardFilter(period, from, to, owner, teamId, newPipelineId);
    }

    /**
     * The days of {@code period} (of this filter's own period when null) on {@code today}.
     *
     * @throws org.salesbench.core.validation.ValidationException naming "from"/"to" when a custom period lacks a
     *                                                           day or ends before it starts
     */
    public DateRange range(DashboardPeriod periodOrNull, LocalDate today) {
        DashboardPeriod p = periodOrNull == null ? period : periodOrNull;
        if (p != DashboardPeriod.CUSTOM) {
            return p.range(today);
        }
        Validator v = new Validator();
        boolean hasFrom = v.required("from", Messages.Filter_from, from);
        boolean hasTo = v.required("to", Messages.Filter_to, to);
        if (hasFrom && hasTo) {
            v.notBefore("to", Messages.Filter_to, to, Messages.Filter_from, from);
        }
        v.throwIfInvalid();
        return new DateRange(from, to);
    }

    /** The report filter for {@code tile}: its own filters win over this dashboard filter's. */
    public ReportFilter reportFilter(DashboardTile tile, LocalDate today) {
        return reportFilter(tile, range(tile.getPeriod(), today));
    }

    /** Like {@link #reportFilter(DashboardTile, LocalDate)} over the given days. */
    public ReportFilter reportFilter(DashboardTile tile, DateRange days) {
        return new ReportFilter(days.start(), days.end(),
                tile.getFilterOwner() != null ? tile.getFilterOwner() : owner,
                tile.getTeamId() != null ? tile.getTeamId() : teamId,
                tile.getPipelineId() != null ? tile.getPipelineId() : pipelineId,
                tile.getBy());
    }
}
