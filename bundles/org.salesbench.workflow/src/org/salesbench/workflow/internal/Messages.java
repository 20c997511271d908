package org.salesbench.workflow.internal;

import org.eclipse.osgi.util.NLS;

/** Field names and messages of tasks, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.workflow.internal.messages";

    public static String TasksRecordMerge_moved;
    public static String Task_title;
    public static String Ics_notACalendar;
    public static String Ics_badStart;
    public static String Ics_meetingRefused;
    public static String Ics_noCustomer;
    public static String Task_description;
    public static String Task_assignee;
    public static String Task_priority;
    public static String Task_comment;
    public static String Task_occurrenceKey;
    public static String Task_createdByRule;
    public static String Task_unknownAssignee;
    public static String Task_inactiveAssignee;
    public static String Task_notFound;
    public static String Task_reassignDenied;
    public static String Task_snoozeUntilRequired;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
