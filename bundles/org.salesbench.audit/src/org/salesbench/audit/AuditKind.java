package org.salesbench.audit;

/** What an {@link AuditEntry} records; stored by {@link #code()} in the audit table. */
public enum AuditKind {
    /** A record was created. */
    CREATED,
    /** One field of a record changed: the entry has the field, the old and the new value. */
    CHANGED,
    /** A record was deleted: moved to the recycle bin (its DELETED_AT was set) or removed from its table. */
    DELETED,
    /** A record came back from the recycle bin (its DELETED_AT was cleared). */
    RESTORED,
    /** Records left the system in a file: the entry's details name the target, the row count and the filter. */
    EXPORTED,
    /** Records came in by a bulk import, recorded once for the import instead of once per row. */
    IMPORTED,
    /** Any other event a module records through {@link AuditTrail#record}, e.g. a claim from the public pool. */
    OTHER;

    /** The stored form, e.g. {@code changed}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kind of a stored code; {@link #OTHER} for a code this version does not know. */
    public static AuditKind of(String code) {
        for (AuditKind kind : values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        return OTHER;
    }
}
