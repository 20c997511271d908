package org.salesbench.users.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.users.internal.messages";

    public static String User_login;
    public static String Arg_entity;
    public static String Arg_id;
    public static String Arg_grantee;
    public static String Users_shared;
    public static String Users_unshared;
    public static String Users_badId;
    public static String Users_unknownTeam;
    public static String Share_entity;
    public static String Share_grantee;
    public static String Share_accountRole;
    public static String Share_notShareable;
    public static String Share_denied;
    public static String Role_name;
    public static String Role_description;
    public static String Role_unknown;
    public static String Role_builtIn;
    public static String Role_inUse;
    public static String Role_grantIncomplete;
    public static String Role_fieldIncomplete;
    public static String Role_unknownEntity;
    public static String Role_unknownField;
    public static String Role_grantTwice;
    public static String Role_fieldTwice;
    public static String Roles_builtIn;
    public static String Roles_own;
    public static String Roles_grant;
    public static String Roles_field;
    public static String Roles_created;
    public static String Roles_granted;
    public static String Roles_fieldSet;
    public static String Roles_deleted;
    public static String Roles_badChoice;
    public static String Arg_action;
    public static String Arg_scope;
    public static String Arg_field;
    public static String Arg_access;
    public static String SignIn_embedded;
    public static String SignIn_shortPassword;
    public static String SignIn_password;
    public static String Arg_roles;
    public static String Users_rolesSet;
    public static String Users_passwordPrompt;
    public static String Users_passwordAgain;
    public static String Users_passwordsDiffer;
    public static String Users_noPassword;
    public static String Users_signInEnabled;
    public static String User_loginFormat;
    public static String User_loginTaken;
    public static String User_displayName;
    public static String User_email;
    public static String User_manager;
    public static String User_unknown;
    public static String Team_name;
    public static String Team_manager;
    public static String Team_members;

    public static String Arg_displayName;
    public static String Arg_login;
    public static String Usage_missingArgument;
    public static String Users_active;
    public static String Users_added;
    public static String Users_deactivated;
    public static String Users_exists;
    public static String Users_help;
    public static String Users_inactive;
    public static String Users_unknown;
    public static String Settings_help;
    public static String Settings_set;
    public static String Settings_default;
    public static String Settings_notANumber;
    public static String Settings_changed;
    public static String Settings_reset;
    public static String Settings_unknownAction;
    public static String Settings_unknown;
    public static String Settings_outOfRange;
    public static String Arg_settingName;
    public static String Arg_settingValue;
    public static String Users_unknownAction;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
