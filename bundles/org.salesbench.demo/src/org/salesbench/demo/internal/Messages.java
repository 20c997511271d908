package org.salesbench.demo.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.demo.internal.messages";

    public static String Demo_jobName;
    public static String Demo_task;
    public static String Demo_progress;
    public static String Demo_sales;

    public static String Demo_badSize;
    public static String Demo_help;
    public static String Demo_made;
    public static String Demo_notEmpty;
    public static String DemoRules_webLead;
    public static String DemoTargets_reason;
    public static String DemoTargets_scorecard;
    public static String DemoTargets_plan;
    public static String DemoRules_webLeadTask;
    public static String DemoRules_negotiation;
    public static String DemoRules_negotiationMessage;
    public static String DemoRules_bigDeal;
    public static String DemoRules_bigDealTask;
    public static String Demo_approvalComment;
    public static String Demo_contractApproval;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
