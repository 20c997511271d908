package org.salesbench.users.ui.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.users.ui.internal.messages"; //$NON-NLS-1$

    public static String TeamSettings_description;
    public static String AccountTeam_title;
    public static String AccountTeam_member;
    public static String AccountTeam_role;
    public static String AccountTeam_add;
    public static String AccountTeam_refresh;
    public static String AccountTeam_load;
    public static String AccountTeam_readOnly;
    public static String AccountTeam_addTitle;
    public static String AccountTeam_addHeading;
    public static String AccountTeam_addMessage;
    public static String AccountTeam_memberLabel;
    public static String AccountTeam_accessLabel;
    public static String AccountTeam_roleLabel;
    public static String AccountTeam_chooseMember;
    public static String Share_title;
    public static String Share_heading;
    public static String Share_message;
    public static String Share_team;
    public static String Share_grantee;
    public static String Share_access;
    public static String Share_with;
    public static String Share_read;
    public static String Share_edit;
    public static String Share_add;
    public static String Share_remove;
    public static String Share_notYours;
    public static String Action_APPROVE;
    public static String Action_CREATE;
    public static String Action_DELETE;
    public static String Action_EXPORT;
    public static String Action_READ;
    public static String Action_UPDATE;
    public static String Entity_activity;
    public static String Entity_contact;
    public static String Entity_customer;
    public static String Entity_dashboard;
    public static String Entity_lead;
    public static String Entity_opportunity;
    public static String Entity_pipeline;
    public static String Entity_product;
    public static String Entity_quote;
    public static String Entity_report;
    public static String Entity_role;
    public static String Entity_approval;
    public static String Entity_contract;
    public static String Entity_contract_template;
    public static String Entity_target;
    public static String Entity_commission;
    public static String Entity_scorecard;
    public static String Entity_rule;
    public static String Entity_task;
    public static String Entity_team;
    public static String Entity_user;
    public static String Job_loadRoles;
    public static String Job_loadUsers;
    public static String Role_administrator;
    public static String Role_finance;
    public static String Role_label;
    public static String Role_sales_manager;
    public static String Role_sales_rep;
    public static String RolesDialog_message;
    public static String RolesDialog_title;
    public static String Scope_ALL;
    public static String Scope_NONE;
    public static String Scope_OWN;
    public static String Scope_SUBORDINATES;
    public static String Scope_TEAM;
    public static String SignInDialog_message;
    public static String SignInDialog_mismatch;
    public static String SignInDialog_password;
    public static String SignInDialog_repeat;
    public static String SignInDialog_title;
    public static String UserDialog_message;
    public static String UserDialog_noManager;
    public static String UserDialog_title;
    public static String Users_action;
    public static String Users_active;
    public static String Users_add;
    public static String Users_allowSignIn;
    public static String Users_builtIn;
    public static String Users_deactivate;
    public static String Users_deactivateConfirm;
    public static String Users_deactivateTitle;
    public static String Users_description;
    public static String Users_displayName;
    public static String Users_editRoles;
    public static String Users_email;
    public static String Users_entity;
    public static String Users_everyEntity;
    public static String Users_login;
    public static String Users_manager;
    public static String Users_no;
    public static String Users_readOnly;
    public static String Users_refresh;
    public static String Users_role;
    public static String Users_roles;
    public static String Users_rolesTab;
    public static String Users_scope;
    public static String Users_title;
    public static String Users_fieldRules;
    public static String Roles_new;
    public static String Roles_edit;
    public static String Roles_delete;
    public static String Roles_deleteTitle;
    public static String Roles_deleteConfirm;
    public static String RoleDialog_newTitle;
    public static String RoleDialog_editTitle;
    public static String RoleDialog_message;
    public static String RoleDialog_grants;
    public static String RoleDialog_fieldRules;
    public static String RoleDialog_addGrant;
    public static String RoleDialog_addFieldRule;
    public static String RoleDialog_remove;
    public static String Access_HIDDEN;
    public static String Access_READ;
    public static String Access_EDIT;
    public static String Users_usersTab;
    public static String Users_yes;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
