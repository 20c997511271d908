package org.salesbench.workflow.internal.reminders;

import org.eclipse.osgi.util.NLS;

/** The titles of the tasks reminder rules make. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.workflow.internal.reminders.messages";

    public static String FollowUp_today;
    public static String FollowUp_overdue;
    public static String Idle_title;
    public static String CloseDate_title;
    public static String Quote_title;
    public static String Pool_title;
    public static String Job_name;
    public static String Settings_unknownRule;
    public static String Settings_negativeDays;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
