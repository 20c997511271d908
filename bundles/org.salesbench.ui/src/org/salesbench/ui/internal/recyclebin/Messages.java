package org.salesbench.ui.internal.recyclebin;

import org.eclipse.osgi.util.NLS;

/** Strings of the Recycle Bin view. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.ui.internal.recyclebin.messages";

    public static String RecycleBin_kind;
    public static String RecycleBin_allKinds;
    public static String RecycleBin_refresh;
    public static String RecycleBin_columnKind;
    public static String RecycleBin_columnName;
    public static String RecycleBin_columnOwner;
    public static String RecycleBin_columnDeletedBy;
    public static String RecycleBin_columnDeletedAt;
    public static String RecycleBin_columnRestorableUntil;
    public static String RecycleBin_restore;
    public static String RecycleBin_purge;
    public static String RecycleBin_count;
    public static String RecycleBin_loadJob;
    public static String RecycleBin_restoreJob;
    public static String RecycleBin_purgeJob;
    public static String RecycleBin_purgeTitle;
    public static String RecycleBin_purgeConfirm;
    public static String RecycleBin_errorTitle;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
