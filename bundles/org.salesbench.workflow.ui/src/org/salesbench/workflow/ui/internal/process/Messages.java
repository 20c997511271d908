package org.salesbench.workflow.ui.internal.process;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.workflow.ui.internal.process.messages";

    public static String Board_average;
    public static String Board_bottleneck;
    public static String Board_days;
    public static String Board_inStep;
    public static String Board_leadStep;
    public static String Board_name;
    public static String Board_noProcess;
    public static String Board_noSla;
    public static String Board_noTime;
    public static String Board_overdue;
    public static String Board_owner;
    public static String Board_p90;
    public static String Board_pipeline;
    public static String Board_records;
    public static String Board_oneRecord;
    public static String Board_refresh;
    public static String Board_sla;
    public static String Checklist_complete;
    public static String Checklist_noStep;
    public static String Checklist_open;
    public static String Checklist_required;
    public static String Checklist_step;
    public static String Checklist_tickedBy;
    public static String Editor_add;
    public static String Editor_description;
    public static String Editor_item;
    public static String Editor_items;
    public static String Editor_leadStage;
    public static String Editor_name;
    public static String Editor_newItem;
    public static String Editor_noRole;
    public static String Editor_ownerRole;
    public static String Editor_pipeline;
    public static String Editor_remove;
    public static String Editor_required;
    public static String Editor_requiredCheck;
    public static String Editor_saved;
    public static String Editor_sla;
    public static String Editor_stage;
    public static String Editor_step;
    public static String Editor_steps;
    public static String Job_loadBoard;
    public static String Job_loadChecklist;
    public static String Job_tick;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
