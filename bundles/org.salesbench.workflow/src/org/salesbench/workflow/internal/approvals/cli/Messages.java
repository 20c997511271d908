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

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
