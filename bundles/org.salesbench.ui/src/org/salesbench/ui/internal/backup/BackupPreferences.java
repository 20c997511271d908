package org.salesbench.ui.internal.backup;

import java.nio.file.Path;

import org.eclipse.jface.preference.IPreferenceStore;
import org.salesbench.ui.internal.preferences.UiPreferences;

/** The scheduled backups' settings: on or off, the folder, how many to keep; kept with the other start-up settings. */
public final class BackupPreferences {

    public static final String AUTO = "backup.auto";
    public static final String FOLDER = "backup.folder";
    public static final String KEEP = "backup.keep";
    /** Where File › Backup… suggests to put a backup, remembered from the last one. */
    public static final String LAST_FOLDER = "backup.lastFolder";

    static final int DEFAULT_KEEP = 7;

    private BackupPreferences() {
    }

    public static IPreferenceStore store() {
        IPreferenceStore store = UiPreferences.store();
        store.setDefault(AUTO, false);
        store.setDefault(FOLDER, Path.of(System.getProperty("user.home"), "salesbench-backups").toString());
        store.setDefault(KEEP, DEFAULT_KEEP);
        return store;
    }
}
