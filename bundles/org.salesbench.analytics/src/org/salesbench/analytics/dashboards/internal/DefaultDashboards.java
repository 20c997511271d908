package org.salesbench.analytics.dashboards.internal;

import java.util.List;

import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.dashboards.Dashboard;
import org.salesbench.analytics.dashboards.DashboardLayout;
import org.salesbench.analytics.dashboards.DashboardPeriod;
import org.salesbench.analytics.dashboards.DashboardTile;

/**
 * The dashboards every user starts with: "Sales" for a rep's day (own figures at a glance) and "Manager" for the
 * team's (who wins, where deals are lost, what is coming). Titles are written in the user's language when made. Modules
 * add tiles of their own reports after the built-in ones ({@code dashboardTile} of {@code org.salesbench.analytics.reports}).
 */
final class DefaultDashboards {

    static final String SALES = "sales";
    static final String MANAGER = "manager";

    static final String WON_REVENUE = "won_revenue";
    /** Win-loss by reason gives each outcome's share of the closed deals; the won row's share is the win rate. */
    static final String CLOSED_SHARE = "closed_share";
    static final String WON_ROW = "WON";
    static final String WON_COUNT = "won_count";

    private DefaultDashboards() {
    }

    /** {@code mainPipeline} (the first active one, or null) is the funnel tiles' pipeline: a funnel reads one pipeline's stages. */
    static List<Dashboard> create(Long mainPipeline) {
        List<Dashboard> made = List.of(sales(), manager());
        for (Dashboard d : made) {
            d.getTiles().stream().filter(t -> t.getChart() == ChartKind.FUNNEL).forEach(t -> t.setPipelineId(mainPipeline));
        }
        return made;
    }

    static Dashboard sales() {
        Dashboard d = new Dashboard(Messages.Default_sales, 3);
        d.setTemplate(SALES);
        add(d, kpi("won-revenue", Messages.Tile_wonRevenue, WON_REVENUE));
        add(d, winRate());
        add(d, kpi("won-revenue", Messages.Tile_wonDeals, WON_COUNT));
        add(d, chart("funnel", Messages.Tile_funnel, ChartKind.FUNNEL, null, 1));
        add(d, withPeriod(chart("won-revenue", Messages.Tile_wonByMonth, ChartKind.LINE, "month", 2), DashboardPeriod.LAST_12_MONTHS));
        add(d, chart("forecast", Messages.Tile_forecastByMonth, ChartKind.BAR, null, 2));
        add(d, chart("win-loss", Messages.Tile_lossReasons, ChartKind.PIE, "reason", 1));
        add(d, withPeriod(chart("sales-cycle", Messages.Tile_salesCycleByMonth, ChartKind.BAR, "month", 3), DashboardPeriod.LAST_12_MONTHS));
        DashboardTileContributions.forDashboard(SALES).forEach(t -> add(d, t));
        d.setContributedTiles(keys(DashboardTileContributions.contributions(SALES)));
        return d;
    }

    static Dashboard manager() {
        Dashboard d = new Dashboard(Messages.Default_manager, 3);
        d.setTemplate(MANAGER);
        add(d, kpi("won-revenue", Messages.Tile_wonRevenue, WON_REVENUE));
        add(d, winRate());
        add(d, kpi("won-revenue", Messages.Tile_wonDeals, WON_COUNT));
        add(d, chart("won-revenue", Messages.Tile_wonByOwner, ChartKind.BAR, "owner", 2));
        add(d, chart("funnel", Messages.Tile_funnel, ChartKind.FUNNEL, null, 1));
        add(d, withPeriod(chart("won-revenue", Messages.Tile_wonByMonth, ChartKind.LINE, "month", 2), DashboardPeriod.LAST_12_MONTHS));
        add(d, chart("win-loss", Messages.Tile_lossReasons, ChartKind.PIE, "reason", 1));
        add(d, chart("forecast", Messages.Tile_forecastByCategory, ChartKind.BAR, null, 1));
        add(d, withPeriod(chart("pipeline-trend", Messages.Tile_pipelineTrend, ChartKind.LINE, null, 1), DashboardPeriod.LAST_12_MONTHS));
        add(d, chart("sales-cycle", Messages.Tile_salesCycleByOwner, ChartKind.BAR, "owner", 1));
        add(d, chart("customer-profile", Messages.Tile_customerProfile, ChartKind.TABLE, "industry", 3));
        DashboardTileContributions.forDashboard(MANAGER).forEach(t -> add(d, t));
        d.setContributedTiles(keys(DashboardTileContributions.contributions(MANAGER)));
        return d;
    }

    /** The record of the contributions a dashboard was given, as {@link Dashboard#getContributedTiles()} keeps it. */
    static String keys(List<DashboardTileContributions.Contribution> contributions) {
        return contributions.stream().map(DashboardTileContributions.Contribution::key).collect(java.util.stream.Collectors.joining(";"));
    }

    /**
     * Gives a shipped dashboard the tiles modules contributed to its template since it was made, each once: appended
     * after its tiles unless it shows that figure already (a dashboard made before the record was kept, with the tile);
     * one its owner removed is not put back. Returns whether the dashboard changed.
     */
    static boolean addContributed(Dashboard d) {
        if (d.getTemplate() == null) {
            return false;
        }
        java.util.Set<String> given = new java.util.LinkedHashSet<>();
        if (d.getContributedTiles() != null && !d.getContributedTiles().isBlank()) {
            given.addAll(List.of(d.getContributedTiles().split(";")));
        }
        boolean changed = d.getContributedTiles() == null;
        for (DashboardTileContributions.Contribution c : DashboardTileContributions.contributions(d.getTemplate())) {
            if (given.add(c.key())) {
                changed = true;
                if (d.getTiles().stream().noneMatch(c::shownBy)) {
                    add(d, c.tile());
                }
            }
        }
        if (changed) {
            d.setContributedTiles(String.join(";", given));
        }
        return changed;
    }

    private static DashboardTile winRate() {
        DashboardTile t = kpi("win-loss", Messages.Tile_winRate, CLOSED_SHARE);
        t.setBy("reason");
        t.setRowKey(WON_ROW);
        return t;
    }

    private static DashboardTile kpi(String report, String title, String metricId) {
        DashboardTile t = new DashboardTile(report, title, ChartKind.KPI);
        t.setMetricId(metricId);
        return t;
    }

    private static DashboardTile chart(String report, String title, ChartKind kind, String by, int span) {
        DashboardTile t = new DashboardTile(report, title, kind);
        t.setBy(by);
        t.setColSpan(span);
        return t;
    }

    private static DashboardTile withPeriod(DashboardTile t, DashboardPeriod period) {
        t.setPeriod(period);
        return t;
    }

    private static void add(Dashboard d, DashboardTile t) {
        DashboardLayout.append(d, t);
    }
}
