package org.salesbench.workflow.ui.internal.tasks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Control;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskService;

/**
 * What a user does to a task from a list: each change runs in a job; a refusal (no right, an unknown assignee, a blank
 * title) is told with the service's message. The lists refresh on the {@code task} events the service posts.
 */
final class TaskCommands {

    private final Control owner;
    private final Consumer<String> errors;
    private Runnable changed = () -> { };

    TaskCommands(Control owner, Consumer<String> errors) {
        this.owner = owner;
        this.errors = errors;
    }

    /** Runs after each change this makes has been saved. */
    void onChanged(Runnable afterChange) {
        this.changed = afterChange;
    }

    private static TaskService service() {
        return Services.get(TaskService.class);
    }

    private void change(Supplier<?> work) {
        Jobs.load(owner, Messages.Job_update, work, result -> changed.run(), e -> errors.accept(Jobs.message(e)));
    }

    void complete(Task task) {
        change(() -> service().complete(task.getId()));
    }

    void snooze(Task task, Snooze choice) {
        Instant until = choice.until(Instant.now(Clocks.system()), ZoneId.systemDefault());
        change(() -> service().snooze(task.getId(), until));
    }

    void snoozeUntilChosen(Task task) {
        SnoozeDialog dialog = new SnoozeDialog(owner.getShell(), task.getTitle(), Snooze.TOMORROW.until(Instant.now(Clocks.system()),
                ZoneId.systemDefault()));
        if (dialog.open() == Window.OK) {
            change(() -> service().snooze(task.getId(), dialog.until()));
        }
    }

    void reassign(Task task) {
        ReassignDialog dialog = new ReassignDialog(owner.getShell(), task);
        if (dialog.open() == Window.OK) {
            change(() -> service().reassign(task.getId(), dialog.assignee()));
        }
    }

    void comment(Task task) {
        CommentsDialog dialog = new CommentsDialog(owner.getShell(), task);
        if (dialog.open() == Window.OK) {
            change(() -> service().comment(task.getId(), dialog.comment()));
        }
    }

    /** Asks for a new task, about {@code about} when given, and saves it. */
    void add(RecordRef about, String aboutLabel) {
        TaskDialog dialog = new TaskDialog(owner.getShell(), about, aboutLabel);
        if (dialog.open() == Window.OK) {
            Task task = dialog.task();
            change(() -> service().create(task));
        }
    }
}
