package org.salesbench.workflow.internal.cli;

import org.eclipse.osgi.util.NLS;

/** The {@code tasks} command's help and messages. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.workflow.internal.cli.messages";

    public static String Command_help;
    public static String Command_missingAction;
    public static String Command_unknownAction;
    public static String Command_badNumber;
    public static String Command_count;
    public static String Command_reminded;
    public static String Command_ruleFailed;
    public static String Command_exported;
    public static String Command_imported;
    public static String Command_customerRequired;
    public static String Command_noCustomer;
    public static String Command_writeFailed;
    public static String Command_readFailed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
