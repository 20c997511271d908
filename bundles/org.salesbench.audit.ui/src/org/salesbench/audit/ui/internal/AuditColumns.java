package org.salesbench.audit.ui.internal;

import org.salesbench.audit.AuditEntry;
import org.salesbench.audit.AuditTrail;
import org.salesbench.ui.forms.Formats;

/** How an audit entry's columns read in the history page and the audit view. */
public final class AuditColumns {

    private AuditColumns() {
    }

    public static String when(AuditEntry e) {
        return Formats.dateTime(e.at());
    }

    public static String event(AuditEntry e) {
        return switch (e.kind()) {
        case CREATED -> Messages.Kind_created;
        case CHANGED -> Messages.Kind_changed;
        case DELETED -> Messages.Kind_deleted;
        case RESTORED -> Messages.Kind_restored;
        case EXPORTED -> Messages.Kind_exported;
        case IMPORTED -> Messages.Kind_imported;
        case OTHER -> Messages.Kind_other;
        };
    }

    /** The field's label in the user's language, as its module declares it. */
    public static String field(AuditTrail trail, AuditEntry e) {
        return e.field() == null ? "" : trail.fieldLabel(e.entity(), e.field());
    }

    public static String value(String value) {
        return value == null ? "" : value.replace('\n', ' ');
    }

    /** The client and, for a remote one, its address. */
    public static String client(AuditEntry e) {
        String client = e.client() == null ? Messages.Client_unknown : e.client();
        return e.address() == null ? client : client + " @ " + e.address();
    }
}
