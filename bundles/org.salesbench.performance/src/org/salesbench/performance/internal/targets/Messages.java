package org.salesbench.performance.internal.targets;

import org.eclipse.osgi.util.NLS;

/** Field names and messages of targets, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.performance.internal.targets.messages";

    public static String Target_metric;
    public static String Target_subject;
    public static String Target_period;
    public static String Target_value;
    public static String Target_reason;
    public static String Target_unknownMetric;
    public static String Target_metricNotSummable;
    public static String Target_metricNotMeasured;
    public static String Target_negative;
    public static String Target_tooManyDecimals;
    public static String Target_overlap;
    public static String Target_unknownUser;
    public static String Target_inactiveUser;
    public static String Target_unknownTeam;
    public static String Target_notFound;
    public static String Target_companyOnly;
    public static String Target_noParts;
    public static String Target_notMonthly;
    public static String Target_partsDoNotAddUp;
    public static String Target_partUnknown;
    public static String Target_partNegative;
    public static String Target_noLastYear;
    public static String Target_checkSubjects;
    public static String Target_checkMonths;
    public static String Target_split;
    public static String Target_cell;
    public static String Command_help;
    public static String Command_noAction;
    public static String Command_unknownAction;
    public static String Command_needsFile;
    public static String Command_noFile;
    public static String Command_exported;
    public static String Command_imported;
    public static String Command_rowError;
    public static String Command_io;
    public static String Import_badSubject;
    public static String Import_badPeriod;
    public static String Import_badValue;
    public static String Import_reason;
    public static String Report_title;
    public static String Report_owner;
    public static String Report_team;
    public static String Report_target;
    public static String Report_actual;
    public static String Report_attainment;
    public static String Report_runRate;
    public static String Report_projection;
    public static String Report_remaining;
    public static String Report_note;
    public static String Report_notAPeriod;
    public static String Bulletin_title;
    public static String Bulletin_rank;
    public static String Bulletin_customer;
    public static String Bulletin_opportunity;
    public static String Bulletin_wonOn;
    public static String Bulletin_amount;
    public static String Bulletin_note;
    public static String Bulletin_none;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
