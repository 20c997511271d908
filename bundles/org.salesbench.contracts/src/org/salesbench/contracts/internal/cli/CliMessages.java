package org.salesbench.contracts.internal.cli;

import org.eclipse.osgi.util.NLS;

/** The {@code contracts} command's usage and messages. */
public final class CliMessages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.contracts.internal.cli.messages";

    public static String Contracts_help;
    public static String Contracts_noAction;
    public static String Contracts_unknownAction;
    public static String Contracts_needsContract;
    public static String Contracts_notFound;
    public static String Contracts_needsReason;
    public static String Contracts_createFrom;
    public static String Contracts_badId;
    public static String Contracts_badStatus;
    public static String Contracts_signNeedsDate;
    public static String Contracts_badDate;
    public static String Contracts_done;
    public static String Contracts_printNeedsOut;
    public static String Contracts_noFolder;
    public static String Contracts_printed;
    public static String Contracts_renewalOpportunity;
    public static String Contracts_templateUsage;
    public static String Contracts_cannotRead;
    public static String Contracts_templateDone;
    public static String Contracts_noTemplate;
    public static String Contracts_generated;
    public static String Contracts_needsOption;
    public static String Contracts_attached;
    public static String Contracts_cannotWrite;
    public static String Contracts_ageingDay;
    public static String Contracts_ageingDayRetried;

    static {
        NLS.initializeMessages(BUNDLE_NAME, CliMessages.class);
    }

    private CliMessages() {
    }
}
