package org.salesbench.audit.ui.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.audit.ui.internal.messages";

    public static String Column_when;
    public static String Column_user;
    public static String Column_client;
    public static String Column_entity;
    public static String Column_record;
    public static String Column_event;
    public static String Column_field;
    public static String Column_oldValue;
    public static String Column_newValue;
    public static String Column_details;
    public static String Kind_created;
    public static String Kind_changed;
    public static String Kind_deleted;
    public static String Kind_restored;
    public static String Kind_exported;
    public static String Kind_imported;
    public static String Kind_other;
    public static String Client_unknown;
    public static String History_notSaved;
    public static String HistoryDialog_title;
    public static String HistoryDialog_heading;
    public static String HistoryDialog_message;
    public static String Job_loadHistory;
    public static String Job_search;
    public static String View_user;
    public static String View_entity;
    public static String View_anyEntity;
    public static String View_from;
    public static String View_to;
    public static String View_search;
    public static String View_badDate;
    public static String View_count;
    public static String View_more;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
