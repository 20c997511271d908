package org.salesbench.workflow.internal.rules.cli;

import org.eclipse.osgi.util.NLS;

/** Strings of the {@code rules} command. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.workflow.internal.rules.cli.messages";

    public static String Rules_help;
    public static String Rules_missingAction;
    public static String Rules_unknownAction;
    public static String Rules_badRecord;
    public static String Rules_notANumber;
    public static String Rules_conditionsNotMet;
    public static String Rules_noRecordMet;
    public static String Rules_executed;
    public static String Arg_ruleId;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
