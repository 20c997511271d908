package org.salesbench.analytics.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of reports, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.analytics.internal.messages";

    public static String Report_unknown;
    public static String Report_broken;
    public static String Filter_from;
    public static String Filter_to;
    public static String Filter_by;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
