package org.salesbench.opportunities.winprobability.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of win-probability predictions and training, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.opportunities.winprobability.internal.messages";

    public static String AmountBand_under100k;
    public static String AmountBand_100kTo500k;
    public static String AmountBand_500kTo1m;
    public static String AmountBand_over1m;
    public static String Feature_stage;
    public static String Feature_age;
    public static String Feature_amountBand;
    public static String Feature_source;
    public static String Feature_industry;
    public static String Feature_activities;
    public static String Feature_unknownValue;
    public static String Model_unknown;
    public static String Model_failed;
    public static String Opportunity_notFound;
    public static String Training_job;
    public static String Training_task;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
