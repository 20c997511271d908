package org.salesbench.core.recyclebin;

import org.eclipse.osgi.util.NLS;

/** Messages of the recycle bin. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.core.recyclebin.messages";

    public static String Dependent_movedToBin;
    public static String Dependent_keepLink;
    public static String Purge_refused;
    public static String Restore_notInBin;
    public static String Restore_expired;
    public static String Bin_unknownKind;
    public static String Retention_description;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
