package org.salesbench.workflow.ui.internal.tasks;

import org.eclipse.osgi.util.NLS;

/** The strings of My Tasks, the status bar's task count, the reminder pop-ups and the editors' Tasks pages. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.workflow.ui.internal.tasks.messages";

    public static String View_searchHint;
    public static String Action_exportCalendar;
    public static String Action_importMeetings;
    public static String Calendar_exportTitle;
    public static String Calendar_importTitle;
    public static String Calendar_fileName;
    public static String Calendar_exported;
    public static String Calendar_imported;
    public static String Calendar_writeFailed;
    public static String Calendar_readFailed;
    public static String View_show;
    public static String View_mineOnly;
    public static String View_count;
    public static String Section_overdue;
    public static String Section_today;
    public static String Section_upcoming;
    public static String Section_open;
    public static String Section_done;
    public static String Column_title;
    public static String Column_related;
    public static String Column_due;
    public static String Column_priority;
    public static String Column_assignee;
    public static String Column_status;
    public static String Loading;
    public static String Action_complete;
    public static String Action_snooze;
    public static String Action_reassign;
    public static String Action_add;
    public static String Action_comment;
    public static String Action_open;
    public static String Action_refresh;
    public static String Snooze_hour;
    public static String Snooze_tomorrow;
    public static String Snooze_nextWeek;
    public static String Snooze_choose;
    public static String Error_title;
    public static String Job_load;
    public static String Job_update;
    public static String Priority_LOW;
    public static String Priority_NORMAL;
    public static String Priority_HIGH;
    public static String Priority_URGENT;
    public static String Status_OPEN;
    public static String Status_DONE;
    public static String Status_CANCELLED;
    public static String Entity_customer;
    public static String Entity_opportunity;
    public static String Entity_lead;
    public static String Entity_quote;
    public static String Related_typeAndId;
    public static String Related_noEditor;
    public static String Related_openFailed;
    public static String Add_title;
    public static String Add_message;
    public static String Field_title;
    public static String Field_description;
    public static String Field_due;
    public static String Field_noDue;
    public static String Field_priority;
    public static String Field_assignee;
    public static String Field_about;
    public static String Add_titleRequired;
    public static String Reassign_title;
    public static String Reassign_message;
    public static String Snooze_title;
    public static String Snooze_message;
    public static String Comment_title;
    public static String Comment_message;
    public static String Comment_none;
    public static String Comment_new;
    public static String Comment_required;
    public static String Comment_line;
    public static String Count_text;
    public static String Count_none;
    public static String Count_tooltip;
    public static String Popup_title;
    public static String Popup_open;
    public static String Popup_due;
    public static String Popup_more;
    public static String Page_count;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
