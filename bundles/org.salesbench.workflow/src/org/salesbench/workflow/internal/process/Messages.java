package org.salesbench.workflow.internal.process;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.workflow.internal.process.messages";

    public static String Gating_job;
    public static String Item_keyTwice;
    public static String Item_labelRequired;
    public static String Item_tooLong;
    public static String Opportunity_notFound;
    public static String Pipeline_notFound;
    public static String Report_averageDays;
    public static String Report_overdue;
    public static String Report_p90Days;
    public static String Report_pipeline;
    public static String Report_records;
    public static String Report_step;
    public static String Report_title;
    public static String Rule_label;
    public static String Rule_refusal;
    public static String Step_leadTwice;
    public static String Step_name;
    public static String Step_nameRequired;
    public static String Step_notFound;
    public static String Step_roleUnknown;
    public static String Step_slaNegative;
    public static String Step_stageTwice;
    public static String Step_stageUnknown;
    public static String Tick_noStep;
    public static String Tick_unknownItem;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
