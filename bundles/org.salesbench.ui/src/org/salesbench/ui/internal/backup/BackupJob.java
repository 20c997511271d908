package org.salesbench.ui.internal.backup;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.salesbench.persistence.Backups;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseSettings;

/** File › Backup…'s work: an online backup in the background with its progress, then a dialog naming the backup. */
final class BackupJob extends Job {

    private final DatabaseSettings settings;
    private final Path folder;
    private final Shell shell;

    BackupJob(DatabaseSettings settings, Path folder, Shell shell) {
        super(BackupMessages.Job_backup);
        this.settings = settings;
        this.folder = folder;
        this.shell = shell;
        setUser(true);
    }

    /** Derby's percentages as work on {@code monitor} (begun with 100 units). */
    static IntConsumer progressTo(IProgressMonitor monitor) {
        AtomicInteger done = new AtomicInteger();
        return percent -> {
            int before = done.getAndAccumulate(percent, Math::max);
            if (percent > before) {
                monitor.worked(percent - before);
                monitor.subTask(NLS.bind(BackupMessages.Job_percent, percent));
            }
        };
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(NLS.bind(BackupMessages.Job_backupInto, folder), 100);
        try {
            Path made = Backups.backup(settings, folder, progressTo(monitor));
            show(() -> MessageDialog.openInformation(shell, BackupMessages.Backup_title, NLS.bind(BackupMessages.Backup_done, made)));
            return Status.OK_STATUS;
        } catch (DatabaseException e) {
            show(() -> MessageDialog.openError(shell, BackupMessages.Backup_title, e.getMessage()));
            return Status.OK_STATUS; // the dialog has told the user; no second report
        } finally {
            monitor.done();
        }
    }

    private void show(Runnable dialog) {
        Display display = shell.isDisposed() ? Display.getDefault() : shell.getDisplay();
        display.asyncExec(() -> {
            if (!shell.isDisposed()) {
                dialog.run();
            }
        });
    }
}
