package org.salesbench.workflow.ui.internal.process;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.ui.OpportunityEditors;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Tables;
import org.salesbench.workflow.process.ProcessBoard;
import org.salesbench.workflow.process.ProcessBoard.StepFigures;
import org.salesbench.workflow.process.ProcessService;
import org.salesbench.workflow.process.StepRecord;

/**
 * The process board: a column per step of the chosen pipeline's process with the records in it, the overdue ones, and
 * the average and p90 days spent there; the bottleneck step is highlighted. A column lists its records, overdue first;
 * a double-click opens the opportunity. Figures come from the process service's SQL in a background job.
 */
public class ProcessBoardView extends ViewPart {

    public static final String ID = "org.salesbench.workflow.ui.views.processBoard";
    private static final int RECORDS_PER_STEP = 50;

    /** A step's column, as loaded: its figures and its first records. */
    record Column(StepFigures figures, List<StepRecord> records, boolean bottleneck) {
    }

    private ProcessService process;
    private List<Pipeline> pipelines = new ArrayList<>();
    private Combo pipelineCombo;
    private ScrolledComposite scroller;
    private Composite columnsArea;
    private Label message;
    private Font boldFont;
    private Color bottleneckColour;
    private List<Column> shown = List.of();

    @Override
    public void createPartControl(Composite parent) {
        process = Services.get(ProcessService.class);
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(4, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(bar, SWT.NONE).setText(Messages.Board_pipeline);
        pipelineCombo = new Combo(bar, SWT.READ_ONLY);
        pipelineCombo.setLayoutData(new GridData(220, SWT.DEFAULT));
        pipelineCombo.addListener(SWT.Selection, e -> reload());
        Button refresh = new Button(bar, SWT.PUSH);
        refresh.setText(Messages.Board_refresh);
        refresh.addListener(SWT.Selection, e -> reload());
        message = new Label(bar, SWT.NONE);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        FontData[] data = parent.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        boldFont = new Font(parent.getDisplay(), data);
        bottleneckColour = new Color(parent.getDisplay(), 255, 236, 179);
        parent.addDisposeListener(e -> boldFont.dispose());

        Jobs.load(pipelineCombo, Messages.Job_loadBoard, () -> Services.get(PipelineService.class).pipelines(true), found -> {
            pipelines = found;
            for (Pipeline p : found) {
                pipelineCombo.add(p.getLabel());
            }
            if (!found.isEmpty()) {
                pipelineCombo.select(0);
                reload();
            }
        }, e -> message.setText(Jobs.message(e)));
    }

    /** Shows the board of the pipeline chosen, or of {@code pipelineId} (the tests' way in). */
    public void showPipeline(long pipelineId) {
        for (int i = 0; i < pipelines.size(); i++) {
            if (pipelines.get(i).getId() == pipelineId) {
                pipelineCombo.select(i);
                reload();
            }
        }
    }

    private void reload() {
        int index = pipelineCombo.getSelectionIndex();
        if (index < 0) {
            return;
        }
        Pipeline pipeline = pipelines.get(index);
        Jobs.load(pipelineCombo, Messages.Job_loadBoard, () -> {
            ProcessBoard board = process.board(pipeline.getId());
            StepFigures bottleneck = board.bottleneck().orElse(null);
            List<Column> columns = new ArrayList<>();
            for (StepFigures f : board.steps()) {
                columns.add(new Column(f, process.records(f.step().getId(), RECORDS_PER_STEP), f == bottleneck));
            }
            return columns;
        }, columns -> show(pipeline, columns), e -> message.setText(Jobs.message(e)));
    }

    private void show(Pipeline pipeline, List<Column> columns) {
        shown = columns;
        if (columnsArea != null) {
            columnsArea.dispose();
        }
        message.setText(columns.isEmpty() ? NLS.bind(Messages.Board_noProcess, pipeline.getLabel()) : "");
        columnsArea = new Composite(scroller, SWT.NONE);
        columnsArea.setLayout(new GridLayout(Math.max(1, columns.size()), true));
        for (Column column : columns) {
            createColumn(columnsArea, column);
        }
        scroller.setContent(columnsArea);
        scroller.setMinSize(columnsArea.computeSize(Math.max(180 * columns.size(), 400), SWT.DEFAULT));
        columnsArea.layout(true, true);
        message.getParent().layout();
    }

    private void createColumn(Composite parent, Column column) {
        StepFigures f = column.figures();
        Composite box = new Composite(parent, SWT.BORDER);
        box.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        box.setLayout(new GridLayout(1, false));
        // a fixed light amber: the system's tooltip colour is dark in some themes
        Color highlight = column.bottleneck() ? bottleneckColour : null;
        box.setBackground(highlight);
        Label title = label(box, f.step().getLabel(), highlight);
        title.setFont(boldFont);
        String role = f.step().getOwnerRole() == null ? Messages.Editor_noRole : f.step().getOwnerRole();
        label(box, f.step().getSlaDays() == null ? NLS.bind(Messages.Board_noSla, role) : NLS.bind(Messages.Board_sla, f.step().getSlaDays(), role),
                highlight);
        if (f.step().isLeadStep()) {
            label(box, Messages.Board_leadStep, highlight);
        }
        label(box, f.records() == 1 ? Messages.Board_oneRecord : NLS.bind(Messages.Board_records, f.records()), highlight).setFont(boldFont);
        Label overdue = label(box, NLS.bind(Messages.Board_overdue, f.overdue()), highlight);
        if (f.overdue() > 0) {
            overdue.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        }
        if (f.averageDays() == null) {
            label(box, Messages.Board_noTime, highlight);
        } else {
            label(box, NLS.bind(Messages.Board_average, Days.format(f.averageDays())), highlight);
            label(box, NLS.bind(Messages.Board_p90, Days.format(f.p90Days())), highlight);
        }
        if (column.bottleneck()) {
            Label mark = label(box, "▲ " + Messages.Board_bottleneck, highlight);
            mark.setFont(boldFont);
            mark.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        }
        TableViewer records = Tables.create(box);
        records.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Tables.column(records, StepRecord.class, Messages.Board_name, 110, r -> (r.overdue() ? "● " : "") + r.name());
        Tables.column(records, StepRecord.class, Messages.Board_inStep, 60, r -> NLS.bind(Messages.Board_days, Days.format(r.days())));
        Tables.column(records, StepRecord.class, Messages.Board_owner, 70, StepRecord::owner);
        records.setInput(column.records());
        for (int i = 0; i < column.records().size(); i++) {
            if (column.records().get(i).overdue()) {
                records.getTable().getItem(i).setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
            }
        }
        records.addDoubleClickListener(e -> {
            if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof StepRecord r) {
                open(r);
            }
        });
    }

    private static Label label(Composite parent, String text, Color background) {
        Label label = new Label(parent, SWT.WRAP);
        label.setText(text);
        label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        label.setBackground(background);
        if (background != null) { // the light amber keeps dark text whatever the theme's text colour is
            label.setForeground(label.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        }
        return label;
    }

    private void open(StepRecord record) {
        try {
            OpportunityEditors.open(getSite().getPage(), record.opportunityId(), record.name());
        } catch (PartInitException e) {
            message.setText(e.getMessage());
        }
    }

    /** The columns shown, for tests. */
    List<Column> columns() {
        return shown;
    }

    @Override
    public void setFocus() {
        pipelineCombo.setFocus();
    }
}
