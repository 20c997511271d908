package org.salesbench.analytics.ui.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Report and dashboard work off the UI thread: the result goes back to the UI thread only while the widget that
 * asked is still there; a failure goes to {@code failed} there too, so the tile or view can say why.
 */
public final class Jobs {

    /** The family of every job this bundle runs (tests wait for it). */
    public static final Object FAMILY = Jobs.class;

    private Jobs() {
    }

    public static <T> Job run(Control owner, String name, Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
        Display display = owner.getDisplay();
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    T result = work.get();
                    display.asyncExec(() -> {
                        if (!owner.isDisposed()) {
                            done.accept(result);
                        }
                    });
                } catch (RuntimeException e) {
                    display.asyncExec(() -> {
                        if (!owner.isDisposed()) {
                            failed.accept(e);
                        }
                    });
                } catch (LinkageError e) {
                    // a bundle that cannot load a class: the widget says so instead of loading for ever
                    IllegalStateException why = new IllegalStateException(e.toString(), e);
                    display.asyncExec(() -> {
                        if (!owner.isDisposed()) {
                            failed.accept(why);
                        }
                    });
                    return Status.error(e.toString(), e);
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.schedule();
        return job;
    }

    /** The message to show for a failure: the model's own (it names the field) or the exception's class. */
    public static String message(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
