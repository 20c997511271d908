package org.salesbench.workflow.ui.internal.rules;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.GridCommands;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.workflow.rules.Rule;
import org.salesbench.workflow.rules.RuleContribution;
import org.salesbench.workflow.rules.RuleEntity;
import org.salesbench.workflow.rules.RuleExecution;
import org.salesbench.workflow.rules.RuleService;
import org.salesbench.workflow.rules.RuleSort;

/**
 * Rules: every automation rule with its last outcome, buttons to make, edit and delete rules in the form-based editor,
 * and below, the execution log of the selected rule (of all rules when none is selected). The rules are a grid read
 * whole ({@link VirtualGrid}): a click on a column header sorts them in the database ({@link RuleSort}; the last outcome
 * and run come from the log and do not sort), columns hide, show and move, the layout is kept per user; Edit › Copy,
 * Select All, Delete, File › New… and Refresh reach it. The log is a grid too, its lines sorted here by any column
 * ({@link VirtualGrid#showSorted}), with its own layout; Copy and Select All reach it when it has the focus.
 */
public class RulesView extends ViewPart implements GridCommands<RulesView.RuleRow> {

    public static final String ID = "org.salesbench.workflow.ui.views.rules"; //$NON-NLS-1$
    private static final int LOG_LINES = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM);

    /** A rule with its last execution (or null), as a row of the table. */
    public record RuleRow(Rule rule, RuleExecution last) {
    }

    private RuleService service;
    private SashForm sash;
    private VirtualGrid<RuleRow> rulesTable;
    private VirtualGrid<RuleExecution> logTable;
    private Button edit;
    private Button delete;
    private Map<String, String> entityLabels = Map.of();
    private Map<String, String> triggerLabels = Map.of();

    @Override
    public void createPartControl(Composite parent) {
        service = Services.get(RuleService.class);
        sash = new SashForm(parent, SWT.VERTICAL);
        Composite top = new Composite(sash, SWT.NONE);
        top.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(top, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        button(bar, Messages.View_new, () -> openEditor(null));
        edit = button(bar, Messages.View_edit, () -> openEditor(selected()));
        delete = button(bar, Messages.View_delete, this::deleteSelected);
        button(bar, Messages.View_refresh, this::reload);
        rulesTable = VirtualGrid.readWhole(top, ID, List.of(
                VirtualGrid.Column.<RuleRow>of("name", Messages.View_name, 240, r -> r.rule().getName()).sortBy(RuleSort.Column.NAME),
                VirtualGrid.Column.<RuleRow>of("entity", Messages.View_entity, 100,
                        r -> entityLabels.getOrDefault(r.rule().getEntity(), r.rule().getEntity())).sortBy(RuleSort.Column.ENTITY),
                VirtualGrid.Column.<RuleRow>of("trigger", Messages.View_trigger, 140,
                        r -> triggerLabels.getOrDefault(r.rule().getTriggerId(), r.rule().getTriggerId())).sortBy(RuleSort.Column.TRIGGER),
                VirtualGrid.Column.<RuleRow>of("enabled", Messages.View_enabled, 70, r -> r.rule().isEnabled() ? Messages.View_yes : Messages.View_no)
                        .sortBy(RuleSort.Column.ENABLED),
                VirtualGrid.Column.<RuleRow>of("lastOutcome", Messages.View_lastOutcome, 110, r -> r.last() == null ? "" : r.last().getOutcome().name()), //$NON-NLS-1$
                VirtualGrid.Column.<RuleRow>of("lastRun", Messages.View_lastRun, 150, r -> r.last() == null ? "" : time(r.last()))), //$NON-NLS-1$
                Messages.Job_load, Jobs.FAMILY, Messages.View_loading);
        rulesTable.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        rulesTable.restoreLayout();
        rulesTable.rows().onFailure(this::showFailure);
        rulesTable.onSelection(() -> {
            updateButtons();
            reloadLog();
        });
        rulesTable.onSort(this::reload);
        rulesTable.onOpen(r -> openEditor(r.rule()));

        Composite bottom = new Composite(sash, SWT.NONE);
        bottom.setLayout(new GridLayout(1, false));
        new Label(bottom, SWT.NONE).setText(Messages.View_logTitle);
        logTable = VirtualGrid.readWhole(bottom, ID + ".log", List.of( //$NON-NLS-1$
                VirtualGrid.Column.<RuleExecution>of("at", Messages.View_logAt, 150, RulesView::time) //$NON-NLS-1$
                        .sortBy(VirtualGrid.<RuleExecution, java.time.Instant>byValue(RuleExecution::getExecutedAt)),
                textColumn("rule", Messages.View_logRule, 200, RuleExecution::getRuleName), //$NON-NLS-1$
                textColumn("record", Messages.View_logRecord, 140, this::recordOf), //$NON-NLS-1$
                textColumn("triggeredBy", Messages.View_logTriggeredBy, 100, RuleExecution::getTriggeredBy), //$NON-NLS-1$
                textColumn("outcome", Messages.View_logOutcome, 110, e -> e.getOutcome().name()), //$NON-NLS-1$
                textColumn("error", Messages.View_logError, 400, e -> e.getError() == null ? "" : e.getError())), //$NON-NLS-1$ //$NON-NLS-2$
                Messages.Job_load, Jobs.FAMILY, Messages.View_loading);
        logTable.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        logTable.restoreLayout();
        sash.setWeights(3, 2);
        reload();
    }

    /** A log column sorted here, by its text as read ({@link VirtualGrid#showSorted}). */
    private static VirtualGrid.Column<RuleExecution> textColumn(String id, String title, int width,
            java.util.function.Function<RuleExecution, String> text) {
        return VirtualGrid.Column.of(id, title, width, text).sortBy(VirtualGrid.byText(text));
    }

    private String recordOf(RuleExecution e) {
        return entityLabels.getOrDefault(e.getRecordEntity(), e.getRecordEntity()) + (e.getRecordId() == null ? "" : " #" + e.getRecordId()); //$NON-NLS-1$ //$NON-NLS-2$
    }

    private static String time(RuleExecution e) {
        return TIME.format(e.getExecutedAt().atZone(ZoneId.systemDefault()));
    }

    private static Button button(Composite bar, String label, Runnable action) {
        Button button = new Button(bar, SWT.PUSH);
        button.setText(label);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    /** Reads the rules with their last outcome, and the log, off the UI thread. */
    public void reload() {
        record Loaded(List<RuleRow> rows, Map<String, String> entities, Map<String, String> triggers) {
        }
        RuleSort sort = rulesTable.sortKey() instanceof RuleSort.Column column ? new RuleSort(column, rulesTable.ascending()) : RuleSort.DEFAULT;
        Rule selected = selected();
        Long keep = selected == null ? null : selected.getId();
        Loaded[] labels = new Loaded[1];
        rulesTable.load(() -> {
            Map<Long, RuleExecution> last = service.lastExecutions();
            List<RuleRow> rows = service.list(sort).stream().map(r -> new RuleRow(r, last.get(r.getId()))).toList();
            labels[0] = new Loaded(rows, labels(service.entities()), service.triggers().stream()
                    .collect(java.util.stream.Collectors.toMap(RuleContribution::id, RuleContribution::label, (a, b) -> a)));
            return rows;
        }, rows -> {
            entityLabels = labels[0].entities();
            triggerLabels = labels[0].triggers();
            if (keep != null) {
                rulesTable.selectWhere(r -> r.rule().getId().equals(keep));
            }
            rulesTable.repaint();
            updateButtons();
            reloadLog();
        });
        updateButtons();
    }

    private static Map<String, String> labels(List<RuleEntity> entities) {
        return entities.stream().collect(java.util.stream.Collectors.toMap(RuleEntity::id, RuleEntity::label, (a, b) -> a));
    }

    private void reloadLog() {
        Rule rule = selected();
        Long ruleId = rule == null ? null : rule.getId();
        Jobs.load(logTable.control(), Messages.Job_load, () -> service.log(ruleId, LOG_LINES), logTable::showSorted, this::showFailure);
    }

    private void showFailure(RuntimeException e) {
        MessageDialog.openError(getSite().getShell(), Messages.View_failedTitle, Jobs.message(e));
    }

    private void updateButtons() {
        if (edit == null || edit.isDisposed()) {
            return;
        }
        edit.setEnabled(selected() != null);
        delete.setEnabled(selected() != null);
    }

    private Rule selected() {
        RuleRow row = rulesTable.control().isDisposed() ? null : rulesTable.selectedRow();
        return row == null ? null : row.rule();
    }

    private void openEditor(Rule rule) {
        Rule fresh = rule == null ? null : service.find(rule.getId()).orElse(null);
        if (new RuleDialog(getSite().getShell(), service, fresh).open() == Window.OK) {
            reload();
        }
    }

    private void deleteSelected() {
        Rule rule = selected();
        if (rule != null && MessageDialog.openConfirm(getSite().getShell(), Messages.View_deleteTitle,
                NLS.bind(Messages.View_deleteQuestion, rule.getName()))) {
            try {
                service.delete(rule.getId());
            } catch (RuntimeException e) {
                showFailure(e);
            }
            reload();
        }
    }

    /** The rules' grid (for tests). */
    VirtualGrid<RuleRow> rulesTable() {
        return rulesTable;
    }

    /** The rules shown, in the order shown (for tests). */
    List<RuleRow> shownRules() {
        return rulesTable.rows().loaded();
    }

    // --- the Edit and File menus' commands

    @Override
    public VirtualGrid<RuleRow> commandGrid() {
        return rulesTable;
    }

    @Override
    public void refresh() {
        reload();
    }

    @Override
    public boolean canDeleteSelection() {
        return selected() != null;
    }

    @Override
    public void deleteSelection() {
        deleteSelected();
    }

    @Override
    public boolean canCreate() {
        return true;
    }

    @Override
    public void create() {
        openEditor(null);
    }

    /** The execution log's grid (for tests). */
    VirtualGrid<RuleExecution> logTable() {
        return logTable;
    }

    @Override
    public void setFocus() {
        rulesTable.control().setFocus();
    }
}
