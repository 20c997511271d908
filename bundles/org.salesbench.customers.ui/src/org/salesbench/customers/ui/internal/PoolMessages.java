package org.salesbench.customers.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The public pool's strings in the workbench, in English and Simplified Chinese. */
public final class PoolMessages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.customers.ui.internal.poolmessages";

    public static String View_searchHint;
    public static String View_industry;
    public static String View_region;
    public static String View_minDays;
    public static String View_count;
    public static String View_loading;
    public static String View_error;
    public static String Column_name;
    public static String Column_industry;
    public static String Column_region;
    public static String Column_grade;
    public static String Column_since;
    public static String Column_from;
    public static String Column_reason;
    public static String Action_claim;
    public static String Action_refresh;
    public static String Claim_done;
    public static String Claim_nothingSelected;
    public static String Job_load;
    public static String Job_claim;
    public static String Job_sweep;
    public static String Warnings_description;
    public static String Warnings_none;
    public static String Warnings_column_name;
    public static String Warnings_column_lastFollowUp;
    public static String Warnings_column_returnOn;
    public static String Warnings_column_daysLeft;
    public static String Owner_pool;

    static {
        NLS.initializeMessages(BUNDLE_NAME, PoolMessages.class);
    }

    private PoolMessages() {
    }

    /** An owner as lists show it: the pool's marker as the words "Public pool". */
    public static String owner(String login) {
        return org.salesbench.customers.pool.CustomerPool.POOL_OWNER.equals(login) ? Owner_pool : login == null ? "" : login;
    }
}
