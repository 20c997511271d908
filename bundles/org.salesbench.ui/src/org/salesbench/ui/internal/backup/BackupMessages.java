package org.salesbench.ui.internal.backup;

import org.eclipse.osgi.util.NLS;

public final class BackupMessages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.ui.internal.backup.messages";

    public static String Backup_title;
    public static String Backup_chooseFolder;
    public static String Backup_done;
    public static String Job_backup;
    public static String Job_backupInto;
    public static String Job_percent;
    public static String Job_scheduled;
    public static String Preferences_description;
    public static String Preferences_auto;
    public static String Preferences_folder;
    public static String Preferences_badFolder;
    public static String Preferences_keep;
    public static String Preferences_last;
    public static String Preferences_never;

    static {
        NLS.initializeMessages(BUNDLE_NAME, BackupMessages.class);
    }

    private BackupMessages() {
    }
}
