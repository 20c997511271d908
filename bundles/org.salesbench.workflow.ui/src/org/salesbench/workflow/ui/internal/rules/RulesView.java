package org.salesbench.workflow.ui.internal.rules;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
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
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Tables;
import org.salesbench.workflow.rules.Rule;
import org.salesbench.workflow.rules.RuleContribution;
import org.salesbench.workflow.rules.RuleEntity;
import org.salesbench.workflow.rules.RuleExecution;
import org.salesbench.workflow.rules.RuleService;

/**
 * Rules: every automation rule with its last outcome, buttons to make, edit and delete rules in the form-based editor,
 * and below, the execution log of the selected rule (of all rules when none is selected).
 */
public class RulesView extends ViewPart {

    public static final String ID = "org.salesbench.workflow.ui.views.rules"; //$NON-NLS-1$
    private static final int LOG_LINES = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM);

    /** A rule with its last execution (or null), as a row of the table. */
    public record RuleRow(Rule rule, RuleExecution last) {
    }

    private RuleService service;
    private SashForm sash;
    private TableViewer rulesTable;
    private TableViewer logTable;
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
        rulesTable = Tables.create(top);
        rulesTable.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Tables.column(rulesTable, RuleRow.class, Messages.View_name, 240, r -> r.rule().getName());
        Tables.column(rulesTable, RuleRow.class, Messages.View_entity, 100, r -> entityLabels.getOrDefault(r.rule().getEntity(), r.rule().getEntity()));
        Tables.column(rulesTable, RuleRow.class, Messages.View_trigger, 140,
                r -> triggerLabels.getOrDefault(r.rule().getTriggerId(), r.rule().getTriggerId()));
        Tables.column(rulesTable, RuleRow.class, Messages.View_enabled, 70, r -> r.rule().isEnabled() ? Messages.View_yes : Messages.View_no);
        Tables.column(rulesTable, RuleRow.class, Messages.View_lastOutcome, 110, r -> r.last() == null ? "" : r.last().getOutcome().name()); //$NON-NLS-1$
        Tables.column(rulesTable, RuleRow.class, Messages.View_lastRun, 150, r -> r.last() == null ? "" : time(r.last())); //$NON-NLS-1$
        rulesTable.addSelectionChangedListener(e -> {
            updateButtons();
            reloadLog();
        });
        rulesTable.addDoubleClickListener(e -> openEditor(selected()));

        Composite bottom = new Composite(sash, SWT.NONE);
        bottom.setLayout(new GridLayout(1, false));
        new Label(bottom, SWT.NONE).setText(Messages.View_logTitle);
        logTable = Tables.create(bottom);
        logTable.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Tables.column(logTable, RuleExecution.class, Messages.View_logAt, 150, RulesView::time);
        Tables.column(logTable, RuleExecution.class, Messages.View_logRule, 200, RuleExecution::getRuleName);
        Tables.column(logTable, RuleExecution.class, Messages.View_logRecord, 140,
                e -> entityLabels.getOrDefault(e.getRecordEntity(), e.getRecordEntity()) + (e.getRecordId() == null ? "" : " #" + e.getRecordId())); //$NON-NLS-1$ //$NON-NLS-2$
        Tables.column(logTable, RuleExecution.class, Messages.View_logTriggeredBy, 100, RuleExecution::getTriggeredBy);
        Tables.column(logTable, RuleExecution.class, Messages.View_logOutcome, 110, e -> e.getOutcome().name());
        Tables.column(logTable, RuleExecution.class, Messages.View_logError, 400, e -> e.getError() == null ? "" : e.getError()); //$NON-NLS-1$
        sash.setWeights(3, 2);
        getSite().setSelectionProvider(rulesTable);
        reload();
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
        Jobs.load(rulesTable.getControl(), Messages.Job_load, () -> {
            Map<Long, RuleExecution> last = service.lastExecutions();
            List<RuleRow> rows = service.list().stream().map(r -> new RuleRow(r, last.get(r.getId()))).toList();
            return new Loaded(rows, labels(service.entities()), service.triggers().stream()
                    .collect(java.util.stream.Collectors.toMap(RuleContribution::id, RuleContribution::label, (a, b) -> a)));
        }, loaded -> {
            entityLabels = loaded.entities();
            triggerLabels = loaded.triggers();
            rulesTable.setInput(loaded.rows());
            updateButtons();
            reloadLog();
        }, this::showFailure);
        updateButtons();
    }

    private static Map<String, String> labels(List<RuleEntity> entities) {
        return entities.stream().collect(java.util.stream.Collectors.toMap(RuleEntity::id, RuleEntity::label, (a, b) -> a));
    }

    private void reloadLog() {
        Rule rule = selected();
        Long ruleId = rule == null ? null : rule.getId();
        Jobs.load(logTable.getControl(), Messages.Job_load, () -> service.log(ruleId, LOG_LINES), logTable::setInput, this::showFailure);
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
        Object row = ((IStructuredSelection) rulesTable.getSelection()).getFirstElement();
        return row == null ? null : ((RuleRow) row).rule();
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

    /** The rules table (for tests). */
    TableViewer rulesTable() {
        return rulesTable;
    }

    /** The execution log table (for tests). */
    TableViewer logTable() {
        return logTable;
    }

    @Override
    public void setFocus() {
        rulesTable.getControl().setFocus();
    }
}
