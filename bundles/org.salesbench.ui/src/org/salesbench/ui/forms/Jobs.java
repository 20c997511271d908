package org.salesbench.ui.forms;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Database work of views and editors, off the UI thread: the result is handed back to the UI thread only
 * while the widget that asked is still there. A failure goes to {@code failed} on the UI thread too (the
 * model's messages name the field), so the user sees why.
 */
public final class Jobs {

    /** The family of every job run through here (UI tests wait for it). */
    public static final Object FAMILY = Jobs.class;

    private Jobs() {
    }

    public static <T> Job load(Control owner, String name, Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
        Display display = owner.getDisplay();
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    T result = work.get();
                    inUi(() -> done.accept(result));
                } catch (RuntimeException e) {
                    inUi(() -> failed.accept(e));
                } catch (LinkageError e) {
                    // a bundle that cannot load a class: the widget says so instead of loading for ever
                    IllegalStateException why = new IllegalStateException(e.toString(), e);
                    inUi(() -> failed.accept(why));
                    return Status.error(e.toString(), e);
                }
                return Status.OK_STATUS;
            }

            private void inUi(Runnable step) {
                display.asyncExec(() -> {
                    if (!owner.isDisposed()) {
                        step.run();
                    }
                });
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.setSystem(true);
        job.schedule();
        return job;
    }

    /** The message to show for a failure: the model's own (it names the field) or the exception's class. */
    public static String message(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
