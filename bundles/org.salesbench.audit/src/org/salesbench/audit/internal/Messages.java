package org.salesbench.audit.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.audit.internal.messages";

    public static String Audit_help;
    public static String Audit_none;
    public static String Audit_unknownEntity;
    public static String Audit_idWithoutEntity;
    public static String Audit_badNumber;
    public static String Audit_badTime;
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

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
