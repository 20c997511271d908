package org.salesbench.persistence.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.persistence.internal.messages";

    public static String Database_inUse;
    public static String Picklist_badCode;
    public static String Picklist_codeTaken;
    public static String Picklist_labelTaken;
    public static String Picklist_noValue;
    public static String Picklist_badList;
    public static String Picklist_blankLabel;
    public static String Picklist_longLabel;
    public static String Picklist_badColumn;
    public static String Picklist_fixed;
    public static String Database_cannotConnect;
    public static String Database_migrationFailed;
    public static String Database_statementFailed;
    public static String Conflict_theRecord;
    public static String Conflict_changed;
    public static String Conflict_changedBy;
    public static String Database_newerSchema;
    public static String Database_staleLockReleased;
    public static String Backup_notAFolder;
    public static String Backup_unsupported;
    public static String Backup_failed;
    public static String Backup_pruneFailed;
    public static String Backup_badRequest;
    public static String Backup_holderWentAway;
    public static String Backup_unsafeFolder;
    public static String Backup_toolMissing;
    public static String Backup_toolFailed;
    public static String Restore_failed;
    public static String Restore_notABackup;
    public static String Restore_noDump;
    public static String Restore_newerSchema;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
