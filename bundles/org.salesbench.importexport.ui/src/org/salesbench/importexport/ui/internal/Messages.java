package org.salesbench.importexport.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The import and export wizards' texts, in English and Simplified Chinese. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.importexport.ui.internal.messages";

    public static String Common_browse;
    public static String Export_description;
    public static String Export_done;
    public static String Export_withheld;
    public static String Export_encoding;
    public static String Export_failed;
    public static String Export_file;
    public static String Export_format;
    public static String Export_formatCsv;
    public static String Export_formatVcard;
    public static String Export_formatXlsx;
    public static String Export_noFolder;
    public static String Export_onlyFilter;
    public static String Export_records;
    public static String Export_title;
    public static String Export_utf8Bom;
    public static String Import_encoding;
    public static String Import_encodingDetect;
    public static String Import_encodingTooltip;
    public static String Import_file;
    public static String Import_fileDescription;
    public static String Import_fileTitle;
    public static String Import_format;
    public static String Import_noFile;
    public static String Import_sheet;
    public static String Import_sheetHint;
    public static String Import_target;
    public static String Import_title;
    public static String Import_unknownFormat;
    public static String Migrate_title;
    public static String Migrate_pageTitle;
    public static String Migrate_pageDescription;
    public static String Migrate_vendor;
    public static String Migrate_folder;
    public static String Migrate_addValues;
    public static String Migrate_columnFile;
    public static String Migrate_columnTarget;
    public static String Migrate_columnRows;
    public static String Migrate_absent;
    public static String Migrate_rows;
    public static String Migrate_noFolder;
    public static String Migrate_nothing;
    public static String Migrate_job;
    public static String Migrate_close;
    public static String Job_export;
    public static String Job_import;
    public static String Progress_rate;
    public static String Progress_rateLeft;
    public static String Progress_withRate;
    public static String Mapping_column;
    public static String Mapping_description;
    public static String Mapping_field;
    public static String Mapping_load;
    public static String Mapping_nameRequired;
    public static String Mapping_reading;
    public static String Mapping_required;
    public static String Mapping_requiredField;
    public static String Mapping_sample;
    public static String Mapping_save;
    public static String Mapping_saveName;
    public static String Mapping_saved;
    public static String Mapping_skip;
    public static String Mapping_someSkipped;
    public static String Mapping_title;
    public static String Mapping_twice;
    public static String Mapping_valueField;
    public static String Mapping_valueFile;
    public static String Mapping_valueTarget;
    public static String Mapping_valueUnmapped;
    public static String Mapping_values;
    public static String Options_allOrNothing;
    public static String Options_create;
    public static String Options_description;
    public static String Options_keys;
    public static String Options_mode;
    public static String Options_onMatch;
    public static String Options_skip;
    public static String Options_title;
    public static String Options_update;
    public static String Options_validRows;
    public static String Options_locale;
    public static String Options_localeDetect;
    public static String Summary_cellError;
    public static String Summary_completed;
    public static String Summary_counts;
    public static String Summary_failed;
    public static String Summary_message;
    public static String Summary_note;
    public static String Summary_partial;
    public static String Summary_reportFailed;
    public static String Summary_rolledBack;
    public static String Summary_rowError;
    public static String Summary_saveReport;
    public static String Summary_title;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
