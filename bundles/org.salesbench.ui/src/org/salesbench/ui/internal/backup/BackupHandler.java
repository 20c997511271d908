package org.salesbench.ui.internal.backup;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.salesbench.persistence.Database;
import org.salesbench.ui.Services;

/** File › Backup…: asks for a folder, then backs the database up into it while everyone goes on working. */
public class BackupHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        IPreferenceStore store = BackupPreferences.store();
        DirectoryDialog dialog = new DirectoryDialog(shell);
        dialog.setText(BackupMessages.Backup_title);
        dialog.setMessage(BackupMessages.Backup_chooseFolder);
        String last = store.getString(BackupPreferences.LAST_FOLDER);
        dialog.setFilterPath(last.isBlank() ? store.getString(BackupPreferences.FOLDER) : last);
        String chosen = dialog.open();
        if (chosen == null) {
            return null;
        }
        store.setValue(BackupPreferences.LAST_FOLDER, chosen);
        new BackupJob(Services.get(Database.class).settings(), Path.of(chosen), shell).schedule();
        return null;
    }
}
