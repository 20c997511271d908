package org.salesbench.audit.internal;

import org.salesbench.audit.AuditKind;

/** The translated names of what the audit trail records. */
public final class AuditLabels {

    private AuditLabels() {
    }

    public static String kind(AuditKind kind) {
        return switch (kind) {
        case CREATED -> Messages.Kind_created;
        case CHANGED -> Messages.Kind_changed;
        case DELETED -> Messages.Kind_deleted;
        case RESTORED -> Messages.Kind_restored;
        case EXPORTED -> Messages.Kind_exported;
        case IMPORTED -> Messages.Kind_imported;
        case OTHER -> Messages.Kind_other;
        };
    }
}
