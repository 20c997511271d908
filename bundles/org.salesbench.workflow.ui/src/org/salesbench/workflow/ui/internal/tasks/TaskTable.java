package org.salesbench.workflow.ui.internal.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PlatformUI;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualRows;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskFilter;
import org.salesbench.workflow.TaskService;
import org.salesbench.workflow.TaskStatus;

/**
 * A {@code SWT.VIRTUAL} table of tasks over {@link TaskService#list} pages, read in jobs a block at a time, with the
 * task menu (complete, snooze, reassign, comment, open the related record, add a task). My Tasks and the record
 * editors' Tasks pages both show one.
 */
public final class TaskTable {

    private static final int BLOCK = 100;
    private static final int CACHED_BLOCKS = 20;

    private final Table table;
    private final VirtualRows<TaskRow> rows;
    private final boolean showRelated;
    private final TaskCommands commands;
    private final RelatedRecords related = new RelatedRecords();
    private final RecordRef about;
    private final String aboutLabel;

    /**
     * @param about      the record new tasks are about (the editor's record), or null
     * @param aboutLabel its name
     * @param errors     where a failed read or change is told
     */
    public TaskTable(Composite parent, boolean showRelated, RecordRef about, String aboutLabel, Consumer<String> errors) {
        this.showRelated = showRelated;
        this.about = about;
        this.aboutLabel = aboutLabel;
        table = new Table(parent, SWT.VIRTUAL | SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        List<String> titles = new ArrayList<>(List.of(Messages.Column_title, Messages.Column_related, Messages.Column_due,
                Messages.Column_priority, Messages.Column_assignee, Messages.Column_status));
        int[] widths = {250, 200, 170, 70, 90, 70};
        for (int i = 0; i < titles.size(); i++) {
            if (i == 1 && !showRelated) {
                continue;
            }
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(titles.get(i));
            column.setWidth(widths[i]);
        }
        rows = new VirtualRows<>(table, BLOCK, CACHED_BLOCKS, Messages.Job_load, Jobs.FAMILY);
        rows.onFailure(e -> errors.accept(Jobs.message(e)));
        commands = new TaskCommands(table, errors);
        table.addListener(SWT.SetData, e -> fill((TableItem) e.item, e.index));
        table.addListener(SWT.DefaultSelection, e -> selected().ifPresent(this::openRelated));
        createMenu();
    }

    public Table table() {
        return table;
    }

    TaskCommands commands() {
        return commands;
    }

    /** Shows the tasks of {@code filter}; {@code counted} gets their number once known. */
    public void show(TaskFilter filter, LongConsumer counted) {
        TaskService service = Services.get(TaskService.class);
        related.forget();
        int current = rows.restart(block -> () -> rowsOf(service.list(filter, block * BLOCK, BLOCK)));
        record FirstPage(long count, List<TaskRow> rows) {
        }
        rows.run(() -> new FirstPage(service.count(filter), rowsOf(service.list(filter, 0, BLOCK))), first -> {
            rows.show(first.rows(), first.count());
            counted.accept(first.count());
        }, current);
    }

    private List<TaskRow> rowsOf(List<Task> tasks) {
        return tasks.stream().map(t -> new TaskRow(t, related.label(t.getRelated()))).toList();
    }

    private void fill(TableItem item, int index) {
        TaskRow row = rows.row(index);
        if (row == null) {
            if (!rows.isLoaded(index)) {
                item.setText(0, Messages.Loading);
            }
            return;
        }
        Task task = row.task();
        item.setData(row);
        List<String> texts = new ArrayList<>(List.of(task.getTitle(), row.related(), Formats.dateTime(task.getDueAt()),
                TaskLabels.of(task.getPriority()), Formats.text(task.getAssignee()), TaskLabels.of(task.getStatus())));
        if (!showRelated) {
            texts.remove(1);
        }
        item.setText(texts.toArray(String[]::new));
        boolean overdue = task.isOverdue(Instant.now(Clocks.system()));
        item.setForeground(showRelated ? 2 : 1, overdue ? table.getDisplay().getSystemColor(SWT.COLOR_RED) : null);
        item.setForeground(task.getStatus() == TaskStatus.OPEN ? null : table.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
    }

    /** The selected task, as read when its row was shown. */
    public Optional<Task> selected() {
        TableItem[] selection = table.getSelection();
        return selection.length == 1 && selection[0].getData() instanceof TaskRow row ? Optional.of(row.task()) : Optional.empty();
    }

    /** The selected task as a record (Edit › Show History). */
    public Optional<org.salesbench.ui.forms.SelectedRecord> selectedRecord() {
        return table.isDisposed() ? Optional.empty()
                : selected().map(t -> new org.salesbench.ui.forms.SelectedRecord(org.salesbench.workflow.Task.ENTITY, t.getId(), t.getTitle()));
    }

    /** The rows read so far, in order (tests look at them). */
    public List<TaskRow> loaded() {
        return rows.loaded();
    }

    private void openRelated(Task task) {
        RecordRef record = task.getRelated();
        if (record != null) {
            String label = table.getSelection().length == 1 && table.getSelection()[0].getData() instanceof TaskRow row ? row.related()
                    : RelatedRecords.kindAndId(record);
            RelatedRecords.open(table.getShell(), PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), record, label);
        }
    }

    /** Adds a task (about this table's record, if any). */
    public void addTask() {
        commands.add(about, aboutLabel);
    }

    private void createMenu() {
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fillMenu);
        table.setMenu(menu.createContextMenu(table));
        table.addDisposeListener(e -> menu.dispose());
    }

    private void fillMenu(IMenuManager menu) {
        Optional<Task> task = selected();
        boolean open = task.map(t -> t.getStatus() == TaskStatus.OPEN).orElse(false);
        menu.add(action(Messages.Action_complete, open, () -> commands.complete(task.get())));
        MenuManager snooze = new MenuManager(Messages.Action_snooze);
        for (Snooze choice : Snooze.values()) {
            snooze.add(action(choice.label(), open, () -> commands.snooze(task.get(), choice)));
        }
        snooze.add(action(Messages.Snooze_choose, open, () -> commands.snoozeUntilChosen(task.get())));
        menu.add(snooze);
        menu.add(action(Messages.Action_reassign, open, () -> commands.reassign(task.get())));
        menu.add(action(Messages.Action_comment, task.isPresent(), () -> commands.comment(task.get())));
        if (showRelated) {
            menu.add(action(Messages.Action_open, task.map(t -> RelatedRecords.canOpen(t.getRelated())).orElse(false),
                    () -> openRelated(task.get())));
        }
        menu.add(new Separator());
        menu.add(action(Messages.Action_add, true, this::addTask));
    }

    private static Action action(String label, boolean enabled, Runnable run) {
        Action action = new Action(label) {
            @Override
            public void run() {
                run.run();
            }
        };
        action.setEnabled(enabled);
        return action;
    }
}
