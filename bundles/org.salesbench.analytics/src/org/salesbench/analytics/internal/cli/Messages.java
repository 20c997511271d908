package org.salesbench.analytics.internal.cli;

import org.eclipse.osgi.util.NLS;

/** Texts of the {@code report} command, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.analytics.internal.cli.messages";

    public static String Export_failed;
    public static String Report_help;
    public static String Report_list;
    public static String Report_listDimensions;
    public static String Report_unknown;
    public static String Report_unknownDimension;
    public static String Report_noDimensions;
    public static String Report_badDate;
    public static String Report_badPeriod;
    public static String Report_periodAndDates;
    public static String Report_unknownTeam;
    public static String Report_unknownPipeline;
    public static String Report_unknownOutput;
    public static String Report_noFolder;
    public static String Report_written;
    public static String Report_empty;
    public static String Report_badFilter;
    public static String Arg_report;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
