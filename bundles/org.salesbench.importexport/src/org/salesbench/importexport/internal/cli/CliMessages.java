package org.salesbench.importexport.internal.cli;

import org.eclipse.osgi.util.NLS;

/** Texts of the import and export commands of the command line. */
public final class CliMessages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.importexport.internal.cli.climessages";

    public static String Arg_entity;
    public static String Progress_line;
    public static String Progress_lineLeft;
    public static String Progress_done;
    public static String Progress_file;
    public static String Import_cancelledRerun;
    public static String Import_cancelledRerunMatched;
    public static String Arg_file;
    public static String Arg_folder;
    public static String Arg_vendor;
    public static String Migrate_help;
    public static String Migrate_unknownVendor;
    public static String Migrate_noFolder;
    public static String Migrate_noFiles;
    public static String Migrate_fileAbsent;
    public static String Migrate_fileLeftOut;
    public static String Migrate_orphansPlaceholder;
    public static String Migrate_orphansPerContact;
    public static String Migrate_orphansSkipped;
    public static String Arg_noFile;
    public static String Arg_unreadableFile;
    public static String Export_done;
    public static String Export_withheld;
    public static String Export_entities;
    public static String Export_help;
    public static String Export_noFolder;
    public static String Export_unknownEntity;
    public static String Export_unknownFormat;
    public static String Import_badMap;
    public static String Import_badMappingFile;
    public static String Import_badValues;
    public static String Import_cellError;
    public static String Import_errorReportFailed;
    public static String Import_errorReportWritten;
    public static String Import_fieldsHeading;
    public static String Import_help;
    public static String Import_badLocale;
    public static String Import_keys;
    public static String Import_moreErrors;
    public static String Import_noMapping;
    public static String Import_note;
    public static String Import_onMatchWithoutMatch;
    public static String Import_picklist;
    public static String Import_required;
    public static String Import_rolledBack;
    public static String Import_rowError;
    public static String Import_summary;
    public static String Import_targetLine;
    public static String Import_unknownColumn;
    public static String Import_unknownEntity;
    public static String Import_unknownField;
    public static String Import_unknownKey;
    public static String Usage_badChoice;

    static {
        NLS.initializeMessages(BUNDLE_NAME, CliMessages.class);
    }

    private CliMessages() {
    }
}
