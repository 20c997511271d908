package org.salesbench.opportunities.assignment.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of assignments, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.opportunities.assignment.internal.messages";

    public static String Assigned;
    public static String Fallback;
    public static String Load_openLeads;
    public static String Load_openOpportunities;
    public static String Load_reason;
    public static String RoundRobin_reason;
    public static String Territory_reason;
    public static String Industry_reason;
    public static String NoCandidate;
    public static String NotFound_lead;
    public static String NotFound_opportunity;
    public static String Strategy_field;
    public static String Strategy_unknown;
    public static String Rule_value;
    public static String Rule_assignee;
    public static String Rule_type;
    public static String Rule_inactiveAssignee;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
