package org.salesbench.analytics.ui.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;
import org.salesbench.core.time.Clocks;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.ReportDescriptor;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportFormat;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.ReportService;
import org.salesbench.analytics.dashboards.DashboardFilter;
import org.salesbench.core.model.DateRange;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.GridCommands;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualGrid;

/** One report on its own: filters, dimension and chart kind on top, the chart over its table; drill down, export, print. */
public class ReportEditor extends EditorPart implements GridCommands<ReportRow> {

    public static final String ID = "org.salesbench.analytics.ui.editors.report"; //$NON-NLS-1$

    private ReportDescriptor descriptor;
    private FilterBar filterBar;
    private Combo by;
    private Combo chartKind;
    private final List<String> byChoices = new ArrayList<>();
    private Composite chartArea;
    private final StackLayout chartStack = new StackLayout();
    private ChartCanvas chart;
    private Label message;
    private Label note;
    private ResultTable table;
    private ReportResult result;
    private int generation;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof ReportEditorInput reportInput)) {
            throw new PartInitException(NLS.bind(Messages.Editor_wrongInput, input.getName()));
        }
        setSite(site);
        setInput(input);
        descriptor = Services.get(ReportService.class).report(reportInput.reportId())
                .orElseThrow(() -> new PartInitException(NLS.bind(Messages.Reports_unknown, reportInput.reportId())));
        setPartName(descriptor.name());
        setTitleToolTip(descriptor.description());
    }

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        filterBar = new FilterBar(root, DashboardFilter.defaults());
        filterBar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filterBar.onChange(f -> run());

        Composite options = new Composite(root, SWT.NONE);
        options.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        RowLayout optionsLayout = new RowLayout(SWT.HORIZONTAL);
        optionsLayout.wrap = true;
        optionsLayout.center = true;
        options.setLayout(optionsLayout);
        new Label(options, SWT.NONE).setText(Messages.TileDialog_by);
        by = new Combo(options, SWT.READ_ONLY);
        byChoices.add(null);
        by.add(Labels.dimension(null));
        for (String d : descriptor.dimensions()) {
            byChoices.add(d);
            by.add(Labels.dimension(d));
        }
        by.select(0);
        by.addListener(SWT.Selection, e -> run());
        new Label(options, SWT.NONE).setText(Messages.TileDialog_chart);
        chartKind = new Combo(options, SWT.READ_ONLY);
        for (ChartKind k : ChartKind.values()) {
            chartKind.add(Labels.chart(k));
        }
        chartKind.select(descriptor.defaultChart().ordinal());
        chartKind.addListener(SWT.Selection, e -> showResult());
        button(options, Messages.Tile_drillDown, () -> {
            if (result != null && !result.isEmpty()) {
                new DrillDownDialog(getSite().getShell(), getSite().getPage(), result, table.selected()).open();
            }
        });
        for (ReportFormat format : ReportFormat.values()) {
            button(options, NLS.bind(Messages.Report_exportAs, Labels.format(format)), () -> {
                if (result != null) {
                    ReportActions.export(root, result, format);
                }
            });
        }
        button(options, Messages.Tile_print, () -> {
            if (result != null && !result.isEmpty()) {
                ReportActions.print(root, result, selectedKind());
            }
        });

        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        chartArea = new Composite(sash, SWT.NONE);
        chartArea.setLayout(chartStack);
        chart = new ChartCanvas(chartArea);
        chart.onDrill(row -> new DrillDownDialog(getSite().getShell(), getSite().getPage(), result, row).open());
        message = new Label(chartArea, SWT.CENTER | SWT.WRAP);
        Composite bottom = new Composite(sash, SWT.NONE);
        bottom.setLayout(new GridLayout(1, false));
        note = new Label(bottom, SWT.WRAP);
        note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table = new ResultTable(bottom);
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.onOpen(row -> new DrillDownDialog(getSite().getShell(), getSite().getPage(), result, row).open());
        sash.setWeights(3, 2);
        run();
    }

    /** The result's grid (Edit › Copy and Select All reach it), {@code null} before the first result. */
    @Override
    public VirtualGrid<ReportRow> commandGrid() {
        return table == null ? null : table.grid();
    }

    /** The result's table (tests). */
    public ResultTable table() {
        return table;
    }

    @Override
    public void refresh() {
        run();
    }

    public FilterBar filterBar() {
        return filterBar;
    }

    /** The result shown, null while the first run is under way (tests). */
    public ReportResult result() {
        return result;
    }

    /** The chart shown (tests). */
    public ChartCanvas chart() {
        return chart;
    }

    public String messageText() {
        return chartStack.topControl == message ? message.getText() : ""; //$NON-NLS-1$
    }

    /** Runs the report in a job under the filter bar's filter and the chosen dimension. */
    public void run() {
        int run = ++generation;
        showMessage(Messages.Tile_loading);
        DashboardFilter f = filterBar.filter();
        ReportFilter filter;
        try {
            DateRange days = f.range(null, LocalDate.now(Clocks.system()));
            filter = new ReportFilter(days.start(), days.end(), f.owner(), f.teamId(), f.pipelineId(),
                    byChoices.get(Math.max(0, by.getSelectionIndex())));
        } catch (RuntimeException e) {
            showMessage(Jobs.message(e));
            return;
        }
        ReportService service = Services.get(ReportService.class);
        Jobs.load(chartArea, NLS.bind(Messages.Job_runTile, descriptor.name()), () -> service.run(descriptor.id(), filter), found -> {
            if (run == generation) {
                result = found;
                showResult();
            }
        }, e -> {
            if (run == generation) {
                result = null;
                showMessage(Jobs.message(e));
            }
        });
    }

    private ChartKind selectedKind() {
        return ChartKind.values()[chartKind.getSelectionIndex()];
    }

    private void showResult() {
        if (result == null) {
            return;
        }
        table.setResult(result);
        note.setText(result.note() == null ? "" : result.note()); //$NON-NLS-1$
        if (result.isEmpty()) {
            showMessage(Messages.Tile_empty);
            return;
        }
        chart.setChart(TileCharts.chart(result, selectedKind()), result, TileCharts.drawnAs(selectedKind()));
        chartStack.topControl = chart;
        chartArea.layout(true);
    }

    private void showMessage(String text) {
        message.setText(text);
        chartStack.topControl = message;
        chartArea.layout(true);
    }

    private static void button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // reports have nothing to save
    }

    @Override
    public void doSaveAs() {
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public void setFocus() {
        filterBar.setFocus();
    }
}
