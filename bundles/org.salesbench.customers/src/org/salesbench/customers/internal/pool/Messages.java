package org.salesbench.customers.internal.pool;

import org.eclipse.osgi.util.NLS;

/** Messages of the public pool and its {@code pool} command, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.customers.internal.pool.messages";

    public static String Pool_notFound;
    public static String Pool_notInPool;
    public static String Pool_capReached;
    public static String Pool_warnedReason;
    public static String Pool_returnedReason;
    public static String Settings_returnAfterDays;
    public static String Settings_warnDaysBefore;
    public static String Settings_ownedCap;
    public static String Settings_negative;
    public static String Settings_warnTooLate;
    public static String Settings_unknownTeam;
    public static String Settings_default;
    public static String Command_help;
    public static String Command_unknownAction;
    public static String Command_missingAction;
    public static String Command_badNumber;
    public static String Command_swept;
    public static String Command_claimed;
    public static String Command_count;
    public static String Command_noWarnings;
    public static String Command_settings;
    public static String Command_saved;
    public static String Arg_customerId;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
