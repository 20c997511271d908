package org.salesbench.workflow.ui.internal.approvals;

import org.eclipse.osgi.util.NLS;

/** The approval views' strings, in English and Simplified Chinese. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.workflow.ui.internal.approvals.messages";

    public static String Column_id;
    public static String Column_record;
    public static String Column_requester;
    public static String Column_status;
    public static String Column_step;
    public static String Column_approvers;
    public static String Column_definition;
    public static String Column_submitted;
    public static String Action_approve;
    public static String Action_reject;
    public static String Action_delegate;
    public static String Action_refresh;
    public static String History_title;
    public static String History_when;
    public static String History_step;
    public static String History_who;
    public static String History_what;
    public static String History_comment;
    public static String Job_load;
    public static String Job_decide;
    public static String Panel_none;
    public static String Panel_count;
    public static String Panel_loading;
    public static String Approve_title;
    public static String Approve_prompt;
    public static String Approve_done;
    public static String Reject_title;
    public static String Reject_prompt;
    public static String Reject_commentRequired;
    public static String Reject_done;
    public static String Delegate_title;
    public static String Delegate_prompt;
    public static String Delegate_loginRequired;
    public static String Delegate_done;
    public static String Entity_quote;
    public static String Status_PENDING;
    public static String Status_APPROVED;
    public static String Status_REJECTED;
    public static String Status_RECALLED;
    public static String Action_SUBMITTED;
    public static String Action_APPROVED;
    public static String Action_REJECTED;
    public static String Action_DELEGATED;
    public static String Action_RECALLED;
    public static String Action_ESCALATED;
    public static String Definition_title;
    public static String Definition_newTitle;
    public static String Definition_editTitle;
    public static String Definition_message;
    public static String Definition_name;
    public static String Definition_entity;
    public static String Definition_condition;
    public static String Definition_priority;
    public static String Definition_priorityHint;
    public static String Definition_active;
    public static String Definition_steps;
    public static String Definition_refused;
    public static String Field_number;
    public static String Field_text;
    public static String Step_number;
    public static String Step_name;
    public static String Step_approvers;
    public static String Step_decidedBy;
    public static String Step_all;
    public static String Step_one;
    public static String Step_sla;
    public static String Step_escalateTo;
    public static String Step_add;
    public static String Step_remove;
    public static String Step_up;
    public static String Step_down;
    public static String Step_kind;
    public static String Step_approversValue;
    public static String Step_approversHint;
    public static String Step_allRequired;
    public static String Step_slaHours;
    public static String Step_noEscalation;
    public static String Step_defaultName;
    public static String Kind_ROLE;
    public static String Kind_OWNER_MANAGER;
    public static String Kind_USERS;
    public static String Definitions_new;
    public static String Definitions_edit;
    public static String Definitions_delete;
    public static String Definitions_readOnly;
    public static String Definitions_failed;
    public static String Definitions_yes;
    public static String Definitions_no;
    public static String Definitions_deleteTitle;
    public static String Definitions_deleteQuestion;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
