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

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
