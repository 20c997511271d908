package org.salesbench.analytics.ui.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.salesbench.analytics.DrillRecord;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.ReportService;
import org.salesbench.analytics.Unit;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;

/**
 * The records behind a report row: choose a row (a month, an owner, a stage …), see its opportunities, customers or
 * activities with their amounts and total; double-click one to open it in its editor.
 */
public class DrillDownDialog extends Dialog {

    private final ReportResult result;
    private final IWorkbenchPage page;
    private final List<ReportRow> rows = new ArrayList<>();
    private final ReportRow initial;
    private Combo rowChoice;
    private Table records;
    private Label total;
    private List<DrillRecord> shown = List.of();

    public DrillDownDialog(Shell parent, IWorkbenchPage page, ReportResult result, ReportRow initial) {
        super(parent);
        this.page = page;
        this.result = result;
        this.initial = initial;
        for (ReportRow row : result.rows()) {
            if (row.drillKey() != null) {
                rows.add(row);
            }
        }
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(NLS.bind(Messages.Drill_titleOf, result.title()));
        shell.setSize(720, 480);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        new Label(area, SWT.NONE).setText(Messages.Drill_row);
        rowChoice = new Combo(area, SWT.READ_ONLY);
        rowChoice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        for (ReportRow row : rows) {
            rowChoice.add(rowLabel(row));
        }
        records = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        records.setHeaderVisible(true);
        records.setLinesVisible(true);
        records.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        column(Messages.Drill_record, 380, SWT.LEFT);
        column(Messages.Drill_kind, 110, SWT.LEFT);
        column(Messages.Drill_amount, 150, SWT.RIGHT);
        total = new Label(area, SWT.NONE);
        total.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(area, SWT.NONE).setText(Messages.Drill_hint);

        rowChoice.addListener(SWT.Selection, e -> load());
        records.addListener(SWT.DefaultSelection, e -> {
            int index = records.getSelectionIndex();
            if (index >= 0 && index < shown.size()) {
                RecordOpener.open(getShell(), page, shown.get(index));
            }
        });
        if (!rows.isEmpty()) {
            rowChoice.select(Math.max(0, rows.indexOf(initial)));
            load();
        } else {
            total.setText(Messages.Drill_none);
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    /** The records shown (tests read them). */
    public List<DrillRecord> records() {
        return shown;
    }

    /** Chooses a row as a user would (tests). */
    public void selectRow(int index) {
        rowChoice.select(index);
        load();
    }

    private void load() {
        ReportRow row = rows.get(rowChoice.getSelectionIndex());
        records.removeAll();
        total.setText(Messages.Tile_loading);
        Jobs.load(records, Messages.Job_drillDown,
                () -> Services.get(ReportService.class).drillDown(result.reportId(), result.filter(), row.drillKey()), found -> {
                    shown = found;
                    BigDecimal sum = BigDecimal.ZERO;
                    for (DrillRecord r : found) {
                        TableItem item = new TableItem(records, SWT.NONE);
                        item.setText(new String[] { r.label(), kind(r.entity()),
                                r.amount() == null ? "" : Figures.format(r.amount(), Unit.MONEY, result.currency()) }); //$NON-NLS-1$
                        if (r.amount() != null) {
                            sum = sum.add(r.amount());
                        }
                    }
                    total.setText(NLS.bind(Messages.Drill_total, found.size(), Figures.format(sum, Unit.MONEY, result.currency())));
                }, e -> total.setText(Jobs.message(e)));
    }

    private String rowLabel(ReportRow row) {
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < result.columns().size(); i++) {
            ReportColumn c = result.columns().get(i);
            if (c.isDimension()) {
                if (label.length() > 0) {
                    label.append(" · "); //$NON-NLS-1$
                }
                label.append(Figures.format(row.value(i), c.unit(), result.currency()));
            }
        }
        return label.length() == 0 ? row.drillKey() : label.toString();
    }

    private static String kind(String entity) {
        return switch (entity) {
            case "opportunity" -> Messages.Drill_opportunity; //$NON-NLS-1$
            case "customer" -> Messages.Drill_customer; //$NON-NLS-1$
            case "activity" -> Messages.Drill_activity; //$NON-NLS-1$
            default -> entity;
        };
    }

    private void column(String text, int width, int style) {
        TableColumn c = new TableColumn(records, style);
        c.setText(text);
        c.setWidth(width);
    }
}
