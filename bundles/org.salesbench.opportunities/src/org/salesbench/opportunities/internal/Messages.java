package org.salesbench.opportunities.internal;

import org.eclipse.osgi.util.NLS;

/** Field names, messages and the names of shipped records of the opportunities model, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.opportunities.internal.messages";

    public static String RecycleBin_leads;
    public static String RecycleBin_opportunities;
    public static String RecycleBin_customerDeleted;
    public static String Lead_company;
    public static String Lead_creditCode;
    public static String Lead_contactName;
    public static String Lead_contactTitle;
    public static String Lead_phone;
    public static String Lead_email;
    public static String Lead_source;
    public static String Lead_industry;
    public static String Lead_need;
    public static String Lead_budget;
    public static String Lead_status;
    public static String Lead_disqualifyReason;
    public static String Lead_owner;
    public static String Lead_size;
    public static String Lead_campaign;
    public static String Lead_grade;
    public static String Scoring_existingCustomer;
    public static String Scoring_wonBefore;
    public static String Scoring_grade;
    public static String Opportunity_customer;
    public static String Opportunity_name;
    public static String Opportunity_amount;
    public static String Opportunity_closeDate;
    public static String Opportunity_createdOn;
    public static String Opportunity_pipeline;
    public static String Opportunity_stage;
    public static String Opportunity_probability;
    public static String Opportunity_forecastCategory;
    public static String Opportunity_owner;
    public static String Opportunity_teamMember;
    public static String Opportunity_competitor;
    public static String Opportunity_nextStep;
    public static String Opportunity_lossReason;
    public static String Opportunity_source;
    public static String Opportunity_industry;
    public static String Opportunity_description;
    public static String Pipeline_name;
    public static String Pipeline_stages;
    public static String Stage_name;
    public static String Stage_probability;
    public static String Stage_kind;
    public static String Stage_rule;
    public static String ScoringRule_kind;
    public static String ScoringRule_value;
    public static String ScoringRule_points;
    public static String Source_code;
    public static String Source_name;
    public static String Lead_notFound;
    public static String Opportunity_notFound;
    public static String Pipeline_notFound;
    public static String Stage_notFound;
    public static String Customer_notFound;
    public static String Product_notFound;
    public static String Opportunity_engagedOn;
    public static String Opportunity_product;
    public static String Stage_otherPipeline;
    public static String Probability_range;
    public static String Lead_disqualifyReasonRequired;
    public static String Lead_notQualified;
    public static String Lead_alreadyConverted;
    public static String Lead_unknownSource;
    public static String Opportunity_lossReasonRequired;
    public static String Opportunity_useMoveToStage;
    public static String Opportunity_closedStageOnCreate;
    public static String Opportunity_sameStage;
    public static String Opportunity_currencyMismatch;
    public static String Rule_refused;
    public static String Rule_missing;
    public static String Rule_amount;
    public static String Rule_amountMissing;
    public static String Rule_closeDate;
    public static String Rule_closeDateMissing;
    public static String Rule_nextStep;
    public static String Rule_nextStepMissing;
    public static String Pipeline_needsOpenStage;
    public static String Pipeline_needsWonAndLost;
    public static String Pipeline_duplicateStage;
    public static String Pipeline_inUse;
    public static String Stage_inUse;
    public static String ScoringRule_badNumber;
    public static String ScoringRule_badSize;
    public static String Screening_rule;
    public static String Bulk_row;
    public static String Conversion_opportunityName;
    public static String Merge_notThere;
    public static String Merge_contactNotThere;
    public static String LeadMerge_unknownField;
    public static String LeadMerge_same;
    public static String LeadMerge_notFound;
    public static String LeadMerge_versions;
    public static String LeadMerge_audit;
    public static String LeadMerge_took;
    public static String LeadUnmerge_gone;
    public static String LeadUnmerge_changed;
    public static String LeadUnmerge_recordMoved;
    public static String LeadUnmerge_audit;
    public static String LeadUnmerge_auditOther;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
