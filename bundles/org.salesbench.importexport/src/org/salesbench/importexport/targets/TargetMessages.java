package org.salesbench.importexport.targets;

import org.eclipse.osgi.util.NLS;

/** The labels and messages every module's import targets share, so that a field reads the same in every target. */
public final class TargetMessages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.importexport.targets.messages";

    public static String Field_externalId;
    public static String Field_owner;
    public static String Field_currency;
    public static String Field_description;
    public static String Field_industry;
    public static String Field_source;
    public static String Field_version;
    public static String Version_changed;
    public static String Version_changedBy;
    public static String Value_required;
    public static String Value_unknown;
    public static String Value_ambiguous;
    public static String Owner_unknown;
    public static String Owner_ambiguous;
    public static String Progress_export;
    public static String Filter_badKey;
    public static String Filter_badChoice;
    public static String Filter_unsupported;
    public static String Picklist_added;
    public static String Picklist_kept;
    public static String Bulk_runAgain;

    static {
        NLS.initializeMessages(BUNDLE_NAME, TargetMessages.class);
    }

    private TargetMessages() {
    }
}
