package org.salesbench.importexport.internal.targets;

import org.eclipse.osgi.util.NLS;

/** Texts of the sales targets: leads, opportunities, products, users and teams. */
public final class SalesMessages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.importexport.internal.targets.salesmessages";

    public static String Product_unknown;
    public static String Lead_company;
    public static String Lead_contactName;
    public static String Lead_contactTitle;
    public static String Lead_phone;
    public static String Lead_email;
    public static String Lead_size;
    public static String Lead_need;
    public static String Lead_budget;
    public static String Lead_status;
    public static String Lead_disqualifyReason;
    public static String Lead_creditCode;
    public static String Opportunity_name;
    public static String Opportunity_customer;
    public static String Opportunity_amount;
    public static String Opportunity_closeDate;
    public static String Opportunity_engagedOn;
    public static String Opportunity_pipeline;
    public static String Opportunity_stage;
    public static String Opportunity_probability;
    public static String Opportunity_product;
    public static String Opportunity_lossReason;
    public static String Opportunity_nextStep;
    public static String Pipeline_unknown;
    public static String Stage_notInPipeline;
    public static String Closed_needsCloseDate;
    public static String Lost_needsReason;
    public static String Note_placeholderCustomer;
    public static String Note_nameComposed;
    public static String Note_engagedOnClose;
    public static String Note_lostWithDefaultReason;
    public static String Product_code;
    public static String Product_name;
    public static String Product_unit;
    public static String Product_listPrice;
    public static String Product_taxRate;
    public static String Product_active;
    public static String Note_codeDerived;
    public static String Note_unitDefault;
    public static String Note_taxRateDefault;
    public static String User_login;
    public static String User_displayName;
    public static String User_email;
    public static String User_manager;
    public static String User_team;
    public static String User_region;
    public static String User_active;
    public static String User_loginNeeded;
    public static String Note_loginDerived;
    public static String Note_managerCreated;
    public static String Note_teamCreated;
    public static String Note_teamNamedAfterManager;

    static {
        NLS.initializeMessages(BUNDLE_NAME, SalesMessages.class);
    }

    private SalesMessages() {
    }
}
