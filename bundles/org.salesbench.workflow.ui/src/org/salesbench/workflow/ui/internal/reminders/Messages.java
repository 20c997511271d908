package org.salesbench.workflow.ui.internal.reminders;

import org.eclipse.osgi.util.NLS;

/** The Reminders preference page's texts. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.workflow.ui.internal.reminders.messages";

    public static String Page_description;
    public static String Page_rule;
    public static String Page_days;
    public static String Page_default;
    public static String Page_none;
    public static String Page_refused;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
