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
import org.eclipse.ui.PlatformUI;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.SelectedRecord;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.forms.VirtualRows;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskFilter;
import org.salesbench.workflow.TaskService;
import org.salesbench.workflow.TaskSort;
import org.salesbench.workflow.TaskStatus;

/**
 * A grid of tasks ({@link VirtualGrid}) over {@link TaskService#list} pages, read in jobs a block at a time, with the
 * task menu (complete, snooze, reassign, comment, open the related record, add a task). A click on a column header
 * sorts the whole list in the database ({@link TaskSort}); the header menu hides, shows and chooses columns, headers
 * drag to reorder, and the layout is kept per user and grid. My Tasks and the record editors' Tasks pages both show
 * one (each with a layout of its own).
 */
public final class TaskGrid {

    private static final int BLOCK = 100;
    private static final int CACHED_BLOCKS = 20;

    private final VirtualGrid<TaskRow> grid;
    private final VirtualRows<TaskRow> rows;
    private final boolean showRelated;
    private final TaskCommands commands;
    private final RelatedRecords related = new RelatedRecords();
    private final RecordRef about;
    private final String aboutLabel;
    private TaskFilter shown;
    private LongConsumer counted = count -> { };

    /**
     * @param gridId     names the layout kept for each user
     * @param about      the record new tasks are about (the editor's record), or null
     * @param aboutLabel its name
     * @param errors     where a failed read or change is told
     */
    public TaskGrid(Composite parent, String gridId, boolean showRelated, RecordRef about, String aboutLabel, Consumer<String> errors) {
        this.showRelated = showRelated;
        this.about = about;
        this.aboutLabel = aboutLabel;
        List<VirtualGrid.Column<TaskRow>> columns = new ArrayList<>();
        columns.add(VirtualGrid.Column.<TaskRow>of("title", Messages.Column_title, 250, r -> r.task().getTitle()).sortBy(TaskSort.Column.TITLE));
        if (showRelated) {
            // the record's name comes from its own module: shown, not an order of the list
            columns.add(VirtualGrid.Column.<TaskRow>of("related", Messages.Column_related, 200, TaskRow::related));
        }
        columns.add(VirtualGrid.Column.<TaskRow>of("due", Messages.Column_due, 170, r -> Formats.dateTime(r.task().getDueAt()))
                .sortBy(TaskSort.Column.DUE).warnWhen(r -> r.task().isOverdue(Instant.now(Clocks.system()))));
        columns.add(VirtualGrid.Column.<TaskRow>of("priority", Messages.Column_priority, 70, r -> TaskLabels.of(r.task().getPriority()))
                .sortBy(TaskSort.Column.PRIORITY));
        columns.add(VirtualGrid.Column.<TaskRow>of("assignee", Messages.Column_assignee, 90, r -> Formats.text(r.task().getAssignee()))
                .sortBy(TaskSort.Column.ASSIGNEE));
        columns.add(VirtualGrid.Column.<TaskRow>of("status", Messages.Column_status, 70, r -> TaskLabels.of(r.task().getStatus()))
                .sortBy(TaskSort.Column.STATUS));
        grid = new VirtualGrid<>(parent, gridId, columns, BLOCK, CACHED_BLOCKS, Messages.Job_load, Jobs.FAMILY, Messages.Loading);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        // a done or cancelled task stays listed, greyed (an overdue due time of an open one is red)
        grid.rowStyle(r -> r.task().getStatus() == TaskStatus.OPEN ? null : VirtualGrid.RowStyle.MUTED);
        grid.restoreLayout();
        rows = grid.rows();
        rows.onFailure(e -> errors.accept(Jobs.message(e)));
        commands = new TaskCommands(grid.control(), errors);
        grid.onOpen(row -> openRelated(row.task(), row.related()));
        grid.onSort(() -> {
            if (shown != null) {
                show(shown, counted);
            }
        });
        createMenu();
    }

    public VirtualGrid<TaskRow> grid() {
        return grid;
    }

    TaskCommands commands() {
        return commands;
    }

    /** Shows the tasks of {@code filter} in the order the headers chose; {@code counted} gets their number once known. */
    public void show(TaskFilter filter, LongConsumer count) {
        this.shown = filter;
        this.counted = count;
        TaskService service = Services.get(TaskService.class);
        TaskSort sort = sort();
        related.forget();
        int current = rows.restart(block -> () -> rowsOf(service.list(filter, sort, block * BLOCK, BLOCK)));
        record FirstPage(long count, List<TaskRow> rows) {
        }
        rows.run(() -> new FirstPage(service.count(filter), rowsOf(service.list(filter, sort, 0, BLOCK))), first -> {
            rows.show(first.rows(), first.count());
            count.accept(first.count());
        }, current);
    }

    /** The order the grid's headers chose, or the list's own (soonest due first). */
    TaskSort sort() {
        return grid.sortKey() instanceof TaskSort.Column column ? new TaskSort(column, grid.ascending()) : TaskSort.DEFAULT;
    }

    private List<TaskRow> rowsOf(List<Task> tasks) {
        return tasks.stream().map(t -> new TaskRow(t, related.label(t.getRelated()))).toList();
    }

    /** The selected task, as read when its row was shown. */
    public Optional<Task> selected() {
        return Optional.ofNullable(grid.selectedRow()).map(TaskRow::task);
    }

    /** The selected task as a record (Edit › Show History). */
    public Optional<SelectedRecord> selectedRecord() {
        return grid.control().isDisposed() ? Optional.empty() : selected().map(TaskGrid::record);
    }

    /** A task as the commands about any record name it. */
    static SelectedRecord record(Task task) {
        return new SelectedRecord(Task.ENTITY, task.getId(), task.getTitle());
    }

    /** The rows read so far, in order (tests look at them). */
    public List<TaskRow> loaded() {
        return rows.loaded();
    }

    private void openRelated(Task task, String label) {
        RecordRef record = task.getRelated();
        if (record != null) {
            RelatedRecords.open(grid.control().getShell(), PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), record,
                    label == null ? RelatedRecords.kindAndId(record) : label);
        }
    }

    /** Adds a task (about this grid's record, if any). */
    public void addTask() {
        commands.add(about, aboutLabel);
    }

    private void createMenu() {
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fillMenu);
        grid.setRowMenu(menu);
        grid.control().addDisposeListener(e -> menu.dispose());
    }

    private void fillMenu(IMenuManager menu) {
        TaskRow row = grid.selectedRow();
        Optional<Task> task = Optional.ofNullable(row).map(TaskRow::task);
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
                    () -> openRelated(task.get(), row.related())));
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
