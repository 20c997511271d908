package org.salesbench.workflow.ui.internal.rules;

import org.eclipse.osgi.util.NLS;

/** Strings of the Rules view and the rule editor. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.workflow.ui.internal.rules.messages"; //$NON-NLS-1$

    public static String View_new;
    public static String View_edit;
    public static String View_delete;
    public static String View_refresh;
    public static String View_loading;
    public static String View_name;
    public static String View_entity;
    public static String View_trigger;
    public static String View_enabled;
    public static String View_lastOutcome;
    public static String View_lastRun;
    public static String View_logTitle;
    public static String View_logAt;
    public static String View_logRule;
    public static String View_logRecord;
    public static String View_logTriggeredBy;
    public static String View_logOutcome;
    public static String View_logError;
    public static String View_yes;
    public static String View_no;
    public static String View_deleteTitle;
    public static String View_deleteQuestion;
    public static String View_failedTitle;
    public static String Job_load;
    public static String Dialog_title;
    public static String Dialog_message;
    public static String Dialog_name;
    public static String Dialog_entity;
    public static String Dialog_trigger;
    public static String Dialog_enabled;
    public static String Dialog_conditions;
    public static String Dialog_addCondition;
    public static String Dialog_actions;
    public static String Dialog_addAction;
    public static String Dialog_remove;
    public static String Dialog_and;
    public static String Dialog_or;
    public static String Dialog_if;
    public static String Dialog_refused;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
