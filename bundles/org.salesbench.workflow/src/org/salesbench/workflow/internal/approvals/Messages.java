package org.salesbench.workflow.internal.approvals;

import org.eclipse.osgi.util.NLS;

import org.salesbench.workflow.approvals.ApprovalStatus;

/** The approval engine's messages, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.workflow.internal.approvals.messages";

    public static String Approval_serviceMissing;
    public static String Rules_noMatchingDefinition;
    public static String Rules_definitionNotMet;
    public static String Approval_alreadyPending;
    public static String Approval_commentRequired;
    public static String Approval_unknownUser;
    public static String Approval_delegateToRequester;
    public static String Approval_delegateToApprover;
    public static String Approval_recallNotRequester;
    public static String Approval_slaPassed;
    public static String Approval_locked;
    public static String Approval_notAnApprover;
    public static String Approval_unknownSubject;
    public static String Approval_recordNotFound;
    public static String Approval_definitionGone;
    public static String Approval_requestNotFound;
    public static String Approval_notPending;
    public static String Status_PENDING;
    public static String Status_APPROVED;
    public static String Status_REJECTED;
    public static String Status_RECALLED;
    public static String Definition_nameRequired;
    public static String Definition_noSteps;
    public static String Definition_unknownField;
    public static String Definition_operatorRequired;
    public static String Definition_valueRequired;
    public static String Definition_valueNotNumber;
    public static String Definition_stepNameRequired;
    public static String Definition_noApprovers;
    public static String Definition_unknownUser;
    public static String Definition_unknownRole;
    public static String Definition_negativeSla;
    public static String Definition_noSuchStep;
    public static String Definition_escalationCycle;
    public static String Quote_pending;
    public static String Quote_noDefinition;
    public static String Quote_nobody;
    public static String Quote_recalled;
    public static String Definition_notFound;
    public static String Definition_nameTaken;
    public static String Definition_inUse;
    public static String Task_title;
    public static String Task_description;
    public static String Task_syncFailed;
    public static String Escalation_jobName;
    public static String Escalation_failed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }

    public static String status(ApprovalStatus status) {
        return switch (status) {
            case PENDING -> Status_PENDING;
            case APPROVED -> Status_APPROVED;
            case REJECTED -> Status_REJECTED;
            case RECALLED -> Status_RECALLED;
        };
    }
}
