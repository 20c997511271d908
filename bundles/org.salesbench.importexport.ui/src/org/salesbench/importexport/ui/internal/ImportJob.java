package org.salesbench.importexport.ui.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.salesbench.importexport.ImportProgress;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportService;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ReadOptions;

/**
 * Runs an import off the UI thread with progress and cancel (the engine stops cleanly: nothing
 * written in all-or-nothing mode, at a batch boundary in valid-rows mode), then shows the summary.
 */
public class ImportJob extends Job {

    public static final Object FAMILY = ImportJob.class;

    private final ImportService service;
    private final Path file;
    private final ReadOptions options;
    private final ImportSettings settings;
    private final Display display;
    private volatile ImportResult result;
    private volatile String failure;
    private ImportSummaryDialog summary;

    ImportJob(ImportService service, Path file, ReadOptions options, ImportSettings settings, Display display) {
        super(NLS.bind(Messages.Job_import, file.getFileName()));
        this.service = service;
        this.file = file;
        this.options = options;
        this.settings = settings;
        this.display = display;
        setUser(true);
        setPriority(LONG);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            // rows, rows/s and the time left beside the engine's messages; a bar when the file's rows are known
            result = service.run(file, options, settings, new RateProgress(monitor, System::nanoTime, settings.batchSize(),
                    ImportProgress.textRows(file)));
        } catch (IOException | RuntimeException e) {
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        display.asyncExec(this::showSummary);
        return Status.OK_STATUS; // the summary dialog reports failures; no second error dialog from the job framework
    }

    private void showSummary() {
        if (display.isDisposed()) {
            return;
        }
        Shell shell = display.getActiveShell();
        summary = new ImportSummaryDialog(shell, file.getFileName().toString(), result, failure);
        summary.setBlockOnOpen(false);
        summary.open();
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    /** The result, once the job ran; {@code null} if the file could not be imported at all (see {@link #failure()}). */
    public ImportResult result() {
        return result;
    }

    public String failure() {
        return failure;
    }

    /** The summary dialog, once shown. */
    public ImportSummaryDialog summary() {
        return summary;
    }
}
