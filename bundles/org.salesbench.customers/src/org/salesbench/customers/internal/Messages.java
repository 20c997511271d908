package org.salesbench.customers.internal;

import org.eclipse.osgi.util.NLS;

/** Field names and messages of the customers model, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.customers.internal.messages";

    public static String Customers_help;
    public static String Customers_missingAction;
    public static String Customers_unknownAction;
    public static String Customers_colGroup;
    public static String Customers_colReason;
    public static String Customers_colValue;
    public static String Customers_colId;
    public static String Customers_colName;
    public static String Customers_noDuplicates;
    public static String Customers_groups;
    public static String Customers_reasonCreditCode;
    public static String Customers_reasonPhone;
    public static String Customers_reasonEmail;
    public static String Customers_reasonName;
    public static String Customers_argKeep;
    public static String Customers_argOther;
    public static String Customers_merged;
    public static String Customers_badNumber;
    public static String Merge_unknownField;
    public static String Merge_same;
    public static String Merge_audit;
    public static String Unmerge_unknown;
    public static String Unmerge_done;
    public static String Unmerge_keepGone;
    public static String Unmerge_otherGone;
    public static String Unmerge_changed;
    public static String Unmerge_recordMoved;
    public static String Unmerge_audit;
    public static String Unmerge_auditOther;
    public static String Customers_unmerged;
    public static String Customers_argMerge;
    public static String Customers_badSeenVersion;
    public static String Customers_colVersion;
    public static String Unmerge_otherKind;
    public static String MergeAll_none;
    public static String MergeAll_versions;
    public static String MergeAll_twice;
    public static String ContactMerge_unknownField;
    public static String ContactMerge_same;
    public static String ContactMerge_notFound;
    public static String ContactMerge_audit;
    public static String ContactMerge_took;
    public static String ContactUnmerge_keepGone;
    public static String ContactUnmerge_otherGone;
    public static String ContactUnmerge_changed;
    public static String ContactUnmerge_recordMoved;
    public static String ContactUnmerge_audit;
    public static String ContactUnmerge_auditOther;
    public static String MergeCommand_help;
    public static String MergeCommand_missingKind;
    public static String MergeCommand_unknownKind;
    public static String MergeCommand_keepAndMerge;
    public static String MergeCommand_unknownField;
    public static String MergeCommand_badSeenVersion;
    public static String MergeCommand_merged;
    public static String MergeCommand_unmerged;
    public static String MergeCommand_customer;
    public static String MergeCommand_contact;
    public static String MergeCommand_lead;
    public static String MergeCommand_badNumber;
    public static String RecycleBin_customers;
    public static String RecycleBin_contacts;
    public static String RecycleBin_activities;
    public static String RecycleBin_customerDeleted;
    public static String RecycleBin_merged;
    public static String Customer_name;
    public static String Customer_shortName;
    public static String Customer_creditCode;
    public static String Customer_industry;
    public static String Customer_region;
    public static String Customer_address;
    public static String Customer_grade;
    public static String Customer_source;
    public static String Customer_size;
    public static String Customer_status;
    public static String Customer_tag;
    public static String Customer_needs;
    public static String Customer_notes;
    public static String Contact_name;
    public static String Contact_title;
    public static String Contact_department;
    public static String Contact_decisionRole;
    public static String Contact_phone;
    public static String Contact_email;
    public static String Activity_type;
    public static String Activity_when;
    public static String Activity_summary;
    public static String Activity_nextStepDate;
    public static String Activity_satisfactionRange;
    public static String Customer_notFound;
    public static String Bulk_row;
    public static String Search_openJob;
    public static String Search_catchUpJob;
    public static String Search_failed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
