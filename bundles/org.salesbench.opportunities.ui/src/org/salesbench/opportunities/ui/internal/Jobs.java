package org.salesbench.opportunities.ui.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Database work of this bundle's views and editors: run in a job, the result handed back to the UI
 * thread only while the widget that asked is still there. A failure goes to {@code failed} on the
 * UI thread (the model's messages name the field), so the user sees why.
 */
public final class Jobs {

    /** The family of every job this bundle runs (tests wait for it). */
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
                }
                return Status.OK_STATUS;
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
}
