package org.salesbench.ui.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.ui.internal.messages";

    public static String Picklists_description;
    public static String Picklists_list;
    public static String Picklists_code;
    public static String Picklists_english;
    public static String Picklists_chinese;
    public static String Picklists_active;
    public static String Picklists_add;
    public static String Picklists_rename;
    public static String Picklists_up;
    public static String Picklists_down;
    public static String Picklists_deactivate;
    public static String Picklists_activate;
    public static String Picklists_adminOnly;
    public static String Picklists_yes;
    public static String Picklists_no;
    public static String Picklists_addTitle;
    public static String Picklists_renameTitle;
    public static String Picklists_industry;
    public static String Picklists_lossReason;
    public static String Picklists_customerStatus;
    public static String Picklists_leadSource;
    public static String Picklists_companySize;
    public static String Picklists_decisionRole;
    public static String Picklists_leadStatus;
    public static String Picklists_activityType;
    public static String Application_databaseErrorTitle;
    public static String Application_databaseNoticeTitle;
    public static String Opening_opening;
    public static String Opening_creating;
    public static String Opening_workbench;
    public static String Window_title;
    public static String Menu_file;
    public static String Menu_new;
    public static String Menu_edit;
    public static String Menu_window;
    public static String Menu_openPerspective;
    public static String Menu_showView;
    public static String Menu_help;
    public static String Action_save;
    public static String Action_saveAll;
    public static String Action_close;
    public static String Action_closeAll;
    public static String Action_quit;
    public static String Action_undo;
    public static String Action_redo;
    public static String Action_cut;
    public static String Action_copy;
    public static String Action_paste;
    public static String Action_delete;
    public static String Action_selectAll;
    public static String Action_newRecord;
    public static String Action_guide;
    public static String Action_contextHelp;
    public static String Action_refresh;
    public static String Action_customizePerspective;
    public static String Action_savePerspective;
    public static String Action_resetPerspective;
    public static String Action_closePerspective;
    public static String Action_preferences;
    public static String Action_about;
    public static String Status_localOwner;
    public static String Status_teamUser;
    public static String Status_noRole;
    public static String SignIn_title;
    public static String SignIn_message;
    public static String SignIn_user;
    public static String SignIn_password;
    public static String SignIn_button;
    public static String SignIn_remember;
    public static String SignIn_rememberTip;
    public static String SignIn_rememberedRefused;
    public static String SignIn_storageFailed;
    public static String Status_database;
    public static String Search_hint;
    public static String Search_title;
    public static String Search_job;
    public static String Search_none;
    public static String Search_failed;
    public static String Preferences_appearanceDescription;
    public static String Preferences_noThemes;
    public static String Preferences_theme;
    public static String Preferences_themeDark;
    public static String Preferences_themeLight;
    public static String Preferences_databaseDescription;
    public static String Preferences_databaseUrl;
    public static String Preferences_databaseUser;
    public static String Preferences_restart;
    public static String Preferences_userDescription;
    public static String Preferences_userLogin;
    public static String Preferences_userDisplayName;
    public static String Preferences_localeDescription;
    public static String Preferences_locale;
    public static String Preferences_localeDefault;
    public static String Preferences_badLogin;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
