package org.salesbench.customers.internal.targets;

import org.eclipse.osgi.util.NLS;

/** Field labels and messages of the customers module's import targets (customers, contacts, activities). */
public final class ImportMessages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.customers.internal.targets.importmessages";

    public static String Activity_contact;
    public static String Activity_nextStep;
    public static String Activity_nextStepDate;
    public static String Activity_satisfaction;
    public static String Activity_satisfactionWhole;
    public static String Activity_noContact;
    public static String Activity_occurredAt;
    public static String Activity_outcome;
    public static String Activity_summary;
    public static String Activity_type;
    public static String Contact_ambiguousCustomer;
    public static String Contact_customer;
    public static String Contact_customerExternalId;
    public static String Contact_decisionRole;
    public static String Contact_department;
    public static String Contact_emails;
    public static String Contact_name;
    public static String Contact_kind;
    public static String Contact_companyAddress;
    public static String Contact_companyUrl;
    public static String Note_customerCreated;
    public static String Note_companyCard;
    public static String Contact_noCustomer;
    public static String Contact_noCustomerWithId;
    public static String Contact_phones;
    public static String Contact_primary;
    public static String Contact_title;
    public static String Customer_address;
    public static String Customer_creditCode;
    public static String Customer_grade;
    public static String Customer_industry;
    public static String Customer_name;
    public static String Customer_needs;
    public static String Customer_nextFollowUp;
    public static String Customer_notes;
    public static String Customer_region;
    public static String Customer_shortName;
    public static String Customer_size;
    public static String Customer_source;
    public static String Customer_status;
    public static String Customer_tags;
    public static String Bulk_loadFailed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, ImportMessages.class);
    }

    private ImportMessages() {
    }
}
