package org.salesbench.workflow.ui.internal.tasks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.FilterBars;
import org.salesbench.ui.forms.GridListView;
import org.salesbench.ui.forms.SelectedRecord;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskFilter;

/**
 * My Tasks: the user's tasks today, overdue, upcoming or done (or everyone's they may see), soonest due first, with
 * complete, snooze, reassign, comment and add; a double click opens the record a task is about. The list is a grid
 * ({@link TaskGrid}): a click on a header sorts it in the database, columns are chosen and moved, the layout is kept.
 */
public class MyTasksView extends GridListView<TaskFilter, TaskRow> {

    public static final String ID = "org.salesbench.workflow.ui.views.myTasks";
    /** The tool bar's Export to Calendar action. */
    public static final String EXPORT_CALENDAR = ID + ".exportCalendar"; //$NON-NLS-1$

    private Combo sectionCombo;
    private Button mineOnly;
    private TaskGrid tasks;

    public MyTasksView() {
        super(TaskFilter.class, TaskFilter.all());
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = FilterBars.create(parent);
        searchText = FilterBars.search(bar, Messages.View_searchHint, this::filterSoon);
        sectionCombo = new Combo(FilterBars.labelled(bar, Messages.View_show), SWT.READ_ONLY);
        for (TaskSection section : TaskSection.values()) {
            sectionCombo.add(section.label());
        }
        sectionCombo.select(TaskSection.TODAY.ordinal());
        sectionCombo.addListener(SWT.Selection, e -> applyFilter());
        mineOnly = new Button(bar, SWT.CHECK);
        mineOnly.setText(Messages.View_mineOnly);
        mineOnly.setSelection(true);
        mineOnly.addListener(SWT.Selection, e -> applyFilter());

        tasks = new TaskGrid(parent, ID, true, null, null, this::reportError);
        tasks.commands().onChanged(this::refresh);

        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(new Action(Messages.Action_add) {
            @Override
            public void run() {
                tasks.addTask();
            }
        });
        Action export = new Action(Messages.Action_exportCalendar) {
            @Override
            public void run() {
                exportCalendar();
            }
        };
        export.setId(EXPORT_CALENDAR);
        toolbar.add(export);
        toolbar.add(new Action(Messages.Action_refresh) {
            @Override
            public void run() {
                refresh();
            }
        });
        listenForChanges(Task.ENTITY);
        applyFilter();
    }

    /** File › New… and Ctrl+N add a task, as the toolbar's Add does. Tasks are cancelled or completed, never deleted. */
    @Override
    public boolean canCreate() {
        return true;
    }

    @Override
    public void create() {
        tasks.addTask();
    }

    @Override
    protected void applyFilter() {
        if (!tasks.grid().control().isDisposed()) {
            refresh();
        }
    }

    /** Reads the filter bar at this moment (the sections move with the clock) and shows the tasks. */
    @Override
    public void refresh() {
        String me = mineOnly.getSelection() ? Services.get(SecurityService.class).currentUser().login() : null;
        String text = searchText.getText().isBlank() ? null : searchText.getText().strip();
        filter = section().filter(me, text, Instant.now(Clocks.system()), ZoneId.systemDefault());
        tasks.show(filter, count -> setContentDescription(NLS.bind(Messages.View_count, String.format("%,d", count)))); //$NON-NLS-1$
    }

    /** Writes the tasks the view shows (its section, mine or everyone's, its search) to an {@code .ics} file. */
    private void exportCalendar() {
        CalendarFiles.Outcome outcome = CalendarFiles.export(getSite().getShell(), filter, null, Messages.Calendar_fileName + ".ics"); //$NON-NLS-1$
        if (outcome == null) {
            return;
        }
        if (outcome.failed()) {
            reportError(outcome.message());
        } else {
            setContentDescription(outcome.message());
        }
    }

    public TaskSection section() {
        return TaskSection.values()[Math.max(0, sectionCombo.getSelectionIndex())];
    }

    /** The section choice, for tests. */
    public Combo sectionCombo() {
        return sectionCombo;
    }

    /** The task grid, for tests. */
    public TaskGrid tasks() {
        return tasks;
    }

    @Override
    protected VirtualGrid<TaskRow> grid() {
        return tasks.grid();
    }

    @Override
    protected String errorTitle() {
        return Messages.Error_title;
    }

    /** Edit › Show History on the selected task. */
    @Override
    protected Optional<SelectedRecord> recordOf(TaskRow row) {
        return Optional.of(TaskGrid.record(row.task()));
    }
}
