package org.salesbench.cli.internal;

import org.eclipse.osgi.util.NLS;

/** The command line's texts, in English and Simplified Chinese (the JVM locale or -nl decides). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.cli.internal.messages";

    public static String Arg_dir;
    public static String Cli_cancelling;
    public static String Cli_stoppedAtOnce;
    public static String Arg_action;
    public static String Arg_kind;
    public static String Arg_id;
    public static String RecycleBin_help;
    public static String Arg_list;
    public static String Arg_english;
    public static String Arg_chinese;
    public static String Arg_code;
    public static String Arg_position;
    public static String Picklists_help;
    public static String Picklists_added;
    public static String Picklists_renameWhat;
    public static String Picklists_badPosition;
    public static String Picklists_unknownAction;
    public static String Picklists_unknownList;
    public static String Picklists_columnList;
    public static String Picklists_columnValues;
    public static String Picklists_columnActive;
    public static String Picklists_columnCode;
    public static String Picklists_columnEnglish;
    public static String Picklists_columnChinese;
    public static String Picklists_columnPosition;
    public static String Picklists_yes;
    public static String Picklists_no;
    public static String RecycleBin_restored;
    public static String RecycleBin_purged;
    public static String RecycleBin_purgedExpired;
    public static String RecycleBin_keptExpired;
    public static String RecycleBin_unknownAction;
    public static String RecycleBin_badLimit;
    public static String RecycleBin_listed;
    public static String RecycleBin_unknownKind;
    public static String RecycleBin_badId;
    public static String RecycleBin_columnKind;
    public static String RecycleBin_columnId;
    public static String RecycleBin_columnName;
    public static String RecycleBin_columnOwner;
    public static String RecycleBin_columnDeletedAt;
    public static String RecycleBin_columnDeletedBy;
    public static String RecycleBin_columnRestorableUntil;
    public static String Backup_done;
    public static String Backup_doneByHolder;
    public static String Backup_help;
    public static String Backup_notAFolder;
    public static String Cli_brokenCommand;
    public static String Cli_debugHint;
    public static String Cli_error;
    public static String Cli_passwordPrompt;
    public static String Cli_fieldError;
    public static String Cli_serviceMissing;
    public static String Cli_tryCommandHelp;
    public static String Cli_tryHelp;
    public static String Cli_unexpected;
    public static String Cli_unknownCommand;
    public static String Cli_usage;
    public static String Cli_usageFooter;
    public static String MigrateDb_columnChecksum;
    public static String MigrateDb_columnSource;
    public static String MigrateDb_columnTable;
    public static String MigrateDb_columnTarget;
    public static String MigrateDb_columnsDiffer;
    public static String MigrateDb_connectFailed;
    public static String MigrateDb_copied;
    public static String MigrateDb_different;
    public static String MigrateDb_done;
    public static String MigrateDb_equal;
    public static String MigrateDb_failed;
    public static String MigrateDb_failedAt;
    public static String MigrateDb_hasData;
    public static String MigrateDb_hasIds;
    public static String MigrateDb_help;
    public static String MigrateDb_noDatabase;
    public static String MigrateDb_noPassword;
    public static String MigrateDb_notEmbedded;
    public static String MigrateDb_notEqual;
    public static String MigrateDb_notPostgres;
    public static String MigrateDb_onlyInSource;
    public static String MigrateDb_onlyInTarget;
    public static String MigrateDb_passwordFile;
    public static String MigrateDb_passwordInUrl;
    public static String MigrateDb_passwordPrompt;
    public static String MigrateDb_searchIndex;
    public static String MigrateDb_searchIndexFailed;
    public static String MigrateDb_toMissing;
    public static String MigrateDb_unreachable;
    public static String MigrateDb_wrongPassword;
    public static String Restore_done;
    public static String Restore_safetyCopy;
    public static String Restore_exists;
    public static String Restore_searchIndex;
    public static String Restore_help;
    public static String Restore_noFolder;
    public static String Usage_badChoice;
    public static String Usage_extraArgument;
    public static String Usage_flagWithValue;
    public static String Usage_missingArgument;
    public static String Usage_missingValue;
    public static String Usage_optionTwice;
    public static String Usage_unknownOption;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
