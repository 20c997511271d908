package org.salesbench.workflow.internal.approvals.cli;

import org.eclipse.osgi.util.NLS;

/** The approvals command's texts. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.workflow.internal.approvals.cli.messages";

    public static String Approvals_help;
    public static String Approvals_noAction;
    public static String Approvals_unknownAction;
    public static String Approvals_mineOrPending;
    public static String Approvals_needsId;
    public static String Approvals_badId;
    public static String Approvals_rejectNeedsComment;
    public static String Approvals_delegateNeedsTo;
    public static String Approvals_refused;
    public static String Approvals_done;
    public static String Approvals_escalated;
    public static String Approvals_approvedPending;
    public static String Definitions_unknownAction;
    public static String Definitions_needsRef;
    public static String Definitions_optionsOnlyToChange;
    public static String Definitions_createNeeds;
    public static String Definitions_nothingToChange;
    public static String Definitions_badCondition;
    public static String Definitions_badStep;
    public static String Definitions_badKind;
    public static String Definitions_badStepWord;
    public static String Definitions_badPriority;
    public static String Definitions_notFound;
    public static String Definitions_saved;
    public static String Definitions_deleted;
    public static String Definitions_refused;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
