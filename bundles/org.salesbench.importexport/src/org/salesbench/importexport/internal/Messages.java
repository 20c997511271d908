package org.salesbench.importexport.internal;

import org.eclipse.osgi.util.NLS;

/** Messages and field labels of import and export, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.importexport.internal.messages";

    public static String File_empty;
    public static String Migrate_unknownVendor;
    public static String Migrate_noFolder;
    public static String Migrate_placeholderName;
    public static String Migrate_fileSummary;
    public static String Migrate_fileRolledBack;
    public static String Migrate_fileStopped;
    public static String Migrate_cancelled;
    public static String Import_cancelledRolledBack;
    public static String Import_cancelledAtBatch;
    public static String Progress_loading;
    public static String Bulk_resumed;
    public static String File_binary;
    public static String File_unknownEncoding;
    public static String File_noHeader;
    public static String File_badBytes;
    public static String File_badCsv;
    public static String File_recordTooLong;
    public static String File_notXlsx;
    public static String File_noSheet;
    public static String File_notVCard;
    public static String File_noRows;
    public static String File_badXlsx;
    public static String File_xlsxNoSharedString;
    public static String File_xlsxNotANumber;
    public static String File_unclosedQuote;
    public static String File_textAfterQuote;
    public static String File_badVCard;
    public static String Value_notNumber;
    public static String Value_notBoolean;
    public static String Value_notInPicklist;
    public static String Value_notDate;
    public static String Value_required;
    public static String Service_missing;
    public static String Target_unknown;
    public static String Target_broken;
    public static String Format_unknown;
    public static String Format_broken;
    public static String Match_unknownKey;
    public static String Match_hiddenKey;
    public static String Mapping_unknownField;
    public static String Mapping_twice;
    public static String Group_heldTogether;
    public static String Mapping_requiredMissing;
    public static String Progress_task;
    public static String Progress_rows;
    public static String Row_tooManyValues;
    public static String Row_duplicateInFile;
    public static String Export_unsupported;
    public static String Value_notDateTime;
    public static String Value_numberAmbiguous;
    public static String Value_dateAmbiguous;
    public static String Value_mixedConventions;
    public static String Export_cancelled;
    public static String Note_valueMapped;
    public static String Note_otherValue;
    public static String Note_valueAdded;
    public static String Note_defaultUsed;
    public static String Note_defaultForAbsent;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
