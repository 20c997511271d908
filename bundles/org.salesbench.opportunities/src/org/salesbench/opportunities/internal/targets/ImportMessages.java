package org.salesbench.opportunities.internal.targets;

import org.eclipse.osgi.util.NLS;

/** Field labels and messages of the opportunities module's import targets (leads, opportunities, products). */
public final class ImportMessages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.opportunities.internal.targets.importmessages";

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
    public static String Lead_convertedCustomer;
    public static String Lead_convertedAt;
    public static String Field_campaign;
    public static String Source_code;
    public static String History_opportunity;
    public static String History_movedAt;
    public static String History_noOpportunity;
    public static String Source_name;
    public static String Source_notAdmin;
    public static String Source_notAdminRow;
    public static String Member_campaign;
    public static String Member_lead;
    public static String Member_contact;
    public static String Member_status;
    public static String Member_responded;
    public static String Member_joinedAt;
    public static String Member_noCampaign;
    public static String Member_nobody;
    public static String Member_noLead;
    public static String Member_noContact;
    public static String Lead_noConvertedCustomer;
    public static String Opportunity_name;
    public static String Opportunity_customer;
    public static String Opportunity_amount;
    public static String Opportunity_closeDate;
    public static String Opportunity_engagedOn;
    public static String Opportunity_createdOn;
    public static String Note_createdAfterClose;
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
    public static String Bulk_loadFailed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, ImportMessages.class);
    }

    private ImportMessages() {
    }
}
