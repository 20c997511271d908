package org.salesbench.customers.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The customers UI's strings, in English and Simplified Chinese. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.customers.ui.internal.messages";

    public static String Action_add;
    public static String Action_delete;
    public static String Undo_deleteOne;
    public static String Undo_deleteMany;
    public static String Undo_gone;
    public static String Action_edit;
    public static String Action_logActivity;
    public static String Action_new;
    public static String Action_open;
    public static String Action_refresh;
    public static String Action_remove;
    public static String Activity_by;
    public static String Activity_call;
    public static String Activity_contact;
    public static String Activity_dialogMessage;
    public static String Activity_email;
    public static String Activity_meeting;
    public static String Activity_nextFollowUp;
    public static String Activity_nextStep;
    public static String Activity_nextStepDate;
    public static String Activity_noFollowUp;
    public static String Activity_note;
    public static String Activity_outcome;
    public static String Activity_saveFirst;
    public static String Activity_summary;
    public static String Activity_summaryRequired;
    public static String Activity_type;
    public static String Activity_visit;
    public static String Activity_when;
    public static String Column_grade;
    public static String Column_industry;
    public static String Column_name;
    public static String Column_nextFollowUp;
    public static String Column_owner;
    public static String Column_region;
    public static String Column_shortName;
    public static String Column_status;
    public static String Column_updated;
    public static String Contact_department;
    public static String Contact_dialogMessage;
    public static String Contact_dialogTitle;
    public static String Contact_email;
    public static String Contact_emails;
    public static String Contact_emailsOnePerLine;
    public static String Contact_name;
    public static String Contact_phone;
    public static String Contact_phones;
    public static String Contact_phonesOnePerLine;
    public static String Contact_primary;
    public static String Contact_role;
    public static String Contact_title;
    public static String Editor_activities;
    public static String Editor_cannotSave;
    public static String Editor_company;
    public static String Editor_contacts;
    public static String Editor_needs;
    public static String Editor_notFound;
    public static String Editor_overview;
    public static String Editor_sales;
    public static String Field_address;
    public static String Field_creditCode;
    public static String Field_grade;
    public static String Field_industry;
    public static String Field_name;
    public static String Field_needs;
    public static String Field_nextFollowUp;
    public static String Field_nextFollowUpSet;
    public static String Field_notes;
    public static String Field_owner;
    public static String Field_region;
    public static String Field_shortName;
    public static String Field_size;
    public static String Field_source;
    public static String Field_status;
    public static String Field_tags;
    public static String Job_load;
    public static String Role_champion;
    public static String Role_decisionMaker;
    public static String Role_gatekeeper;
    public static String Role_influencer;
    public static String Role_other;
    public static String Role_user;
    public static String Status_active;
    public static String Status_dormant;
    public static String Status_lost;
    public static String Status_prospect;
    public static String View_any;
    public static String View_confirmDelete;
    public static String View_confirmDeleteDependents;
    public static String View_count;
    public static String View_counting;
    public static String View_indexing;
    public static String View_filterName;
    public static String View_filterNameRequired;
    public static String View_grade;
    public static String View_loading;
    public static String View_overdue;
    public static String View_owner;
    public static String View_saveFilter;
    public static String View_savedFilters;
    public static String View_searchHint;
    public static String View_status;
    public static String View_tag;
    public static String Wizard_companyDescription;
    public static String Wizard_companyTitle;
    public static String Wizard_contactDescription;
    public static String Wizard_contactTitle;
    public static String Wizard_createAnyway;
    public static String Wizard_duplicatesDescription;
    public static String Wizard_duplicatesFound;
    public static String Wizard_duplicatesTitle;
    public static String Wizard_noDuplicates;
    public static String Wizard_sameCreditCode;
    public static String Wizard_sameName;
    public static String Wizard_samePhone;
    public static String Wizard_sameEmail;
    public static String Wizard_title;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
