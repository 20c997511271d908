package org.salesbench.analytics.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.Metric;
import org.salesbench.analytics.ReportDescriptor;
import org.salesbench.analytics.dashboards.Dashboard;
import org.salesbench.analytics.dashboards.DashboardPeriod;
import org.salesbench.analytics.dashboards.DashboardTile;

/** Adds a tile or changes one: which report, drawn how, its title, dimension, width and own period. */
public class TileDialog extends Dialog {

    private final List<ReportDescriptor> reports;
    private final List<Metric> metrics;
    private final DashboardTile tile;
    private final int columns;
    private Combo report;
    private Combo chart;
    private Combo by;
    private Combo metric;
    private Combo period;
    private Text title;
    private Spinner span;
    private final List<String> byChoices = new ArrayList<>();
    private final List<String> metricChoices = new ArrayList<>();
    private boolean titleEdited;

    /** {@code tile} is changed in place on OK; pass a new tile to add one. */
    public TileDialog(Shell parent, List<ReportDescriptor> reports, List<Metric> metrics, DashboardTile tile, int columns) {
        super(parent);
        this.reports = reports;
        this.metrics = metrics;
        this.tile = tile;
        this.columns = Math.max(1, Math.min(Dashboard.MAX_COLUMNS, columns));
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(tile.getReportId() == null ? Messages.TileDialog_addTitle : Messages.TileDialog_changeTitle);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        report = combo(area, Messages.TileDialog_report);
        for (ReportDescriptor d : reports) {
            report.add(d.name());
        }
        chart = combo(area, Messages.TileDialog_chart);
        for (ChartKind kind : ChartKind.values()) {
            chart.add(Labels.chart(kind));
        }
        by = combo(area, Messages.TileDialog_by);
        metric = combo(area, Messages.TileDialog_metric);
        period = combo(area, Messages.TileDialog_period);
        period.add(Messages.TileDialog_dashboardPeriod);
        for (DashboardPeriod p : DashboardPeriod.values()) {
            if (p != DashboardPeriod.CUSTOM) {
                period.add(Labels.period(p));
            }
        }
        new Label(area, SWT.NONE).setText(Messages.TileDialog_title);
        title = new Text(area, SWT.BORDER);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(area, SWT.NONE).setText(Messages.TileDialog_span);
        span = new Spinner(area, SWT.BORDER);
        span.setValues(Math.max(1, Math.min(columns, tile.getColSpan())), 1, columns, 0, 1, 1);

        int reportIndex = 0;
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i).id().equals(tile.getReportId())) {
                reportIndex = i;
            }
        }
        if (!reports.isEmpty()) {
            report.select(reportIndex);
        }
        chart.select((tile.getChart() != null ? tile.getChart()
                : reports.isEmpty() ? ChartKind.BAR : reports.get(reportIndex).defaultChart()).ordinal());
        period.select(tile.getPeriod() == null || tile.getPeriod() == DashboardPeriod.CUSTOM ? 0 : tile.getPeriod().ordinal() + 1);
        fillForReport(tile.getBy(), tile.getMetricId());
        title.setText(tile.getTitle() != null ? tile.getTitle() : suggestedTitle());
        titleEdited = tile.getTitle() != null;
        title.addListener(SWT.Modify, e -> titleEdited = true);
        report.addListener(SWT.Selection, e -> {
            fillForReport(null, null);
            chart.select(reports.get(report.getSelectionIndex()).defaultChart().ordinal());
            suggestTitle();
        });
        by.addListener(SWT.Selection, e -> suggestTitle());
        chart.addListener(SWT.Selection, e -> metric.setEnabled(ChartKind.values()[chart.getSelectionIndex()] == ChartKind.KPI));
        metric.setEnabled(ChartKind.values()[chart.getSelectionIndex()] == ChartKind.KPI);
        return area;
    }

    @Override
    protected void okPressed() {
        if (reports.isEmpty()) {
            super.cancelPressed();
            return;
        }
        tile.setReportId(reports.get(report.getSelectionIndex()).id());
        tile.setChart(ChartKind.values()[chart.getSelectionIndex()]);
        tile.setBy(byChoices.get(Math.max(0, by.getSelectionIndex())));
        tile.setMetricId(tile.getChart() == ChartKind.KPI ? metricChoices.get(Math.max(0, metric.getSelectionIndex())) : null);
        tile.setPeriod(period.getSelectionIndex() <= 0 ? null : DashboardPeriod.values()[period.getSelectionIndex() - 1]);
        tile.setTitle(title.getText().isBlank() ? suggestedTitle() : title.getText().trim());
        tile.setColSpan(span.getSelection());
        super.okPressed();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        Button ok = createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
        ok.setEnabled(!reports.isEmpty());
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    private void fillForReport(String selectedBy, String selectedMetric) {
        by.removeAll();
        byChoices.clear();
        metric.removeAll();
        metricChoices.clear();
        if (reports.isEmpty()) {
            return;
        }
        ReportDescriptor d = reports.get(report.getSelectionIndex());
        byChoices.add(null);
        by.add(Labels.dimension(null));
        for (String dimension : d.dimensions()) {
            byChoices.add(dimension);
            by.add(Labels.dimension(dimension));
        }
        by.select(Math.max(0, byChoices.indexOf(selectedBy)));
        for (String id : d.metricIds()) {
            metricChoices.add(id);
            metric.add(metrics.stream().filter(m -> m.id().equals(id)).map(Metric::label).findFirst().orElse(id));
        }
        metric.select(Math.max(0, metricChoices.indexOf(selectedMetric)));
    }

    private void suggestTitle() {
        if (!titleEdited) {
            title.setText(suggestedTitle());
            titleEdited = false;
        }
    }

    private String suggestedTitle() {
        if (reports.isEmpty() || report.getSelectionIndex() < 0) {
            return ""; //$NON-NLS-1$
        }
        String name = reports.get(report.getSelectionIndex()).name();
        String dimension = byChoices.isEmpty() ? null : byChoices.get(Math.max(0, by.getSelectionIndex()));
        return dimension == null ? name : org.eclipse.osgi.util.NLS.bind(Messages.TileDialog_titleBy, name, Labels.dimension(dimension));
    }

    private static Combo combo(Composite area, String label) {
        new Label(area, SWT.NONE).setText(label);
        Combo combo = new Combo(area, SWT.READ_ONLY);
        combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return combo;
    }
}
