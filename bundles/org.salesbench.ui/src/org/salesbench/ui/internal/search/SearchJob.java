package org.salesbench.ui.internal.search;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.salesbench.ui.internal.Messages;

/** Runs the providers off the UI thread and hands the groups back to it. */
public class SearchJob extends Job {

    public static final Object FAMILY = SearchJob.class;
    private static final int LIMIT = 20;

    private final String text;
    private final Display display;
    private final Consumer<List<SearchProviderRegistry.Group>> onDone;

    public SearchJob(String text, Display display, Consumer<List<SearchProviderRegistry.Group>> onDone) {
        super(NLS.bind(Messages.Search_job, text));
        this.text = text;
        this.display = display;
        this.onDone = onDone;
        setUser(false);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        List<SearchProviderRegistry.Group> groups = SearchProviderRegistry.search(text, LIMIT);
        if (!monitor.isCanceled() && !display.isDisposed()) {
            display.asyncExec(() -> onDone.accept(groups));
        }
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }
}
