package org.salesbench.ui.internal.backup;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.salesbench.persistence.Backups;

/** Scheduled backups: daily or not, into which folder, how many kept; and when the last one was taken. */
public class BackupPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public BackupPreferencePage() {
        super(GRID);
        setPreferenceStore(BackupPreferences.store());
        String folder = getPreferenceStore().getString(BackupPreferences.FOLDER);
        String last = Backups.lastDated(Path.of(folder))
                .map(when -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).format(when.atZone(ZoneId.systemDefault())))
                .orElse(BackupMessages.Preferences_never);
        setDescription(BackupMessages.Preferences_description + "\n" + NLS.bind(BackupMessages.Preferences_last, last));
    }

    @Override
    public void init(IWorkbench workbench) {
        // nothing to do
    }

    @Override
    protected void createFieldEditors() {
        Composite parent = getFieldEditorParent();
        addField(new BooleanFieldEditor(BackupPreferences.AUTO, BackupMessages.Preferences_auto, parent));
        DirectoryFieldEditor folder = new DirectoryFieldEditor(BackupPreferences.FOLDER, BackupMessages.Preferences_folder, parent) {
            @Override
            protected boolean doCheckState() {
                // the first backup makes the folder: any absolute path will do
                try {
                    return Path.of(getStringValue().strip()).isAbsolute();
                } catch (InvalidPathException e) {
                    return false;
                }
            }
        };
        folder.setEmptyStringAllowed(false);
        folder.setErrorMessage(BackupMessages.Preferences_badFolder);
        addField(folder);
        IntegerFieldEditor keep = new IntegerFieldEditor(BackupPreferences.KEEP, BackupMessages.Preferences_keep, parent);
        keep.setValidRange(1, 365);
        addField(keep);
    }
}
