package org.salesbench.persistence.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.persistence.internal.messages";

    public static String Database_inUse;
    public static String Database_cannotConnect;
    public static String Database_migrationFailed;
    public static String Database_statementFailed;
    public static String Conflict_theRecord;
    public static String Conflict_changed;
    public static String Conflict_changedBy;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
