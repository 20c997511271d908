package org.salesbench.analytics.dashboards;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.salesbench.analytics.ChartKind;
import org.salesbench.core.model.AbstractEntity;

/**
 * One cell of a dashboard: a report shown as a chart kind, with filters that override the dashboard's (a dimension
 * to group by, an owner, a team, a pipeline, a period of its own), at a row and column spanning some columns.
 * For a KPI tile {@code metricId} names the figure shown and {@code rowKey} the row it is read from.
 */
@Entity
@Table(name = "SB_DASHBOARD_TILE")
public class DashboardTile extends AbstractEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "DASHBOARD_ID", nullable = false)
    private Dashboard dashboard;

    @Column(name = "REPORT_ID", length = 100, nullable = false)
    private String reportId;

    @Column(name = "TITLE", length = 200, nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "CHART_KIND", length = 16, nullable = false)
    private ChartKind chart;

    @Column(name = "METRIC_ID", length = 64)
    private String metricId;

    /** For a KPI: the drill key of the row whose figure is shown (e.g. the won row of win-loss); null for the only row or the sum. */
    @Column(name = "ROW_KEY", length = 200)
    private String rowKey;

    @Column(name = "FILTER_BY", length = 32)
    private String by;

    @Column(name = "FILTER_OWNER", length = 64)
    private String filterOwner;

    @Column(name = "FILTER_TEAM_ID")
    private Long teamId;

    @Column(name = "FILTER_PIPELINE_ID")
    private Long pipelineId;

    @Enumerated(EnumType.STRING)
    @Column(name = "FILTER_PERIOD", length = 16)
    private DashboardPeriod period;

    @Column(name = "ROW_INDEX", nullable = false)
    private int row;

    @Column(name = "COLUMN_INDEX", nullable = false)
    private int column;

    @Column(name = "COL_SPAN", nullable = false)
    private int colSpan = 1;

    @Column(name = "ROW_SPAN", nullable = false)
    private int rowSpan = 1;

    public DashboardTile() {
    }

    public DashboardTile(String reportId, String title, ChartKind chart) {
        this.reportId = reportId;
        this.title = title;
        this.chart = chart;
    }

    /** A detached copy with the same report, filters and place (for "save as" and for the defaults). */
    public DashboardTile copy() {
        DashboardTile c = new DashboardTile(reportId, title, chart);
        c.metricId = metricId;
        c.rowKey = rowKey;
        c.by = by;
        c.filterOwner = filterOwner;
        c.teamId = teamId;
        c.pipelineId = pipelineId;
        c.period = period;
        c.row = row;
        c.column = column;
        c.colSpan = colSpan;
        c.rowSpan = rowSpan;
        return c;
    }

    public Dashboard getDashboard() { return dashboard; }
    void setDashboard(Dashboard dashboard) { this.dashboard = dashboard; }
    public String getReportId() { return reportId; }
    public void setReportId(String reportId) { this.reportId = reportId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public ChartKind getChart() { return chart; }
    public void setChart(ChartKind chart) { this.chart = chart; }
    public String getMetricId() { return metricId; }
    public void setMetricId(String metricId) { this.metricId = metricId; }
    public String getRowKey() { return rowKey; }
    public void setRowKey(String rowKey) { this.rowKey = rowKey; }
    public String getBy() { return by; }
    public void setBy(String by) { this.by = by; }
    /** The owner whose records the tile shows (not the tile's owner), or null for the dashboard's filter. */
    public String getFilterOwner() { return filterOwner; }
    public void setFilterOwner(String filterOwner) { this.filterOwner = filterOwner; }
    public Long getTeamId() { return teamId; }
    public void setTeamId(Long teamId) { this.teamId = teamId; }
    public Long getPipelineId() { return pipelineId; }
    public void setPipelineId(Long pipelineId) { this.pipelineId = pipelineId; }
    /** A period of the tile's own (e.g. last 12 months for a trend), or null for the dashboard's. */
    public DashboardPeriod getPeriod() { return period; }
    public void setPeriod(DashboardPeriod period) { this.period = period; }
    public int getRow() { return row; }
    public void setRow(int row) { this.row = row; }
    public int getColumn() { return column; }
    public void setColumn(int column) { this.column = column; }
    public int getColSpan() { return colSpan; }
    public void setColSpan(int colSpan) { this.colSpan = colSpan; }
    public int getRowSpan() { return rowSpan; }
    public void setRowSpan(int rowSpan) { this.rowSpan = rowSpan; }
}
