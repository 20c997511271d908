package org.salesbench.ui.internal.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IStartup;
import org.salesbench.core.time.AfterFirstView;
import org.salesbench.persistence.Backups;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.ui.Services;

/**
 * The daily backup while the workbench runs, when the Backups preferences ask for it: checked soon after the start and
 * then every hour, it takes an online backup into a new dated folder once the newest is a day old, and keeps the newest
 * N. A failure goes to the log and the next hour tries again.
 */
public class ScheduledBackups implements IStartup {

    static final Duration EVERY = Duration.ofDays(1);
    private static final Duration CHECK = Duration.ofHours(1);

    @Override
    public void earlyStartup() {
        Job job = new Job(BackupMessages.Job_scheduled) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    return runIfDue(monitor);
                } finally {
                    schedule(CHECK.toMillis());
                }
            }
        };
        job.setSystem(true);
        AfterFirstView.schedule(job, Duration.ofMinutes(1)); // a minute after the first view painted: not in the way of the start
    }

    public static IStatus runIfDue(IProgressMonitor monitor) {
        IPreferenceStore store = BackupPreferences.store();
        String folder = store.getString(BackupPreferences.FOLDER).strip();
        if (!store.getBoolean(BackupPreferences.AUTO) || folder.isEmpty()) {
            return Status.OK_STATUS;
        }
        Path target = Path.of(folder);
        if (Backups.lastDated(target).map(last -> last.plus(EVERY).isAfter(Instant.now())).orElse(false)) {
            return Status.OK_STATUS;
        }
        try {
            monitor.beginTask(BackupMessages.Job_scheduled, 100);
            Path made = Backups.backupDated(Services.get(Database.class).settings(), target,
                    Math.max(1, store.getInt(BackupPreferences.KEEP)), BackupJob.progressTo(monitor));
            return Status.info(NLS.bind(BackupMessages.Backup_done, made));
        } catch (DatabaseException e) {
            return Status.warning(e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }
}
