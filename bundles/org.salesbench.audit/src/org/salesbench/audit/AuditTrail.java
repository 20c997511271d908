package org.salesbench.audit;

import java.util.List;

/**
 * The audit trail: who changed what, when, from which client. Row changes of the tables modules declare under the
 * {@code org.salesbench.audit.auditedTables} extension point are recorded by the database itself on PostgreSQL
 * (triggers) and by the persistence unit on embedded Derby, in the transaction of the change; this service reads them
 * and records the events that are no row change. Entries are never changed or removed.
 */
public interface AuditTrail {

    /** The history of one record, newest first. */
    default List<AuditEntry> history(String entity, long recordId) {
        return search(AuditQuery.of(entity, recordId));
    }

    /** The names of the entities whose changes are recorded (declared by the modules), sorted. */
    List<String> entities();

    /**
     * The label of a recorded field in the user's language, as the modules declare it under
     * {@code org.salesbench.audit.auditedTables} (e.g. {@code credit_code} of a customer: "Credit code", 统一社会信用代码);
     * a field nobody labelled reads as its name with spaces.
     */
    String fieldLabel(String entity, String field);

    /** The entries matching {@code query}, newest first. */
    List<AuditEntry> search(AuditQuery query);

    /**
     * Records an event that is no row change (an export, a bulk import, a claim from the pool), as the current user,
     * in the current unit-of-work transaction if there is one, otherwise in one of its own.
     *
     * @param entity   the entity name the event concerns, e.g. {@code customer}
     * @param recordId the record, or {@code null} for an event over many records
     * @param details  what to keep with the event (target, row count, filter …), at most 4000 characters are kept
     */
    void record(String entity, Long recordId, AuditKind kind, String details);

    /**
     * Records a change that is no row change of an audited table but reads as one of the record's fields in its
     * history, e.g. a member joining or leaving a customer's account team (whose shares have no row of their own), as
     * the current user, in the current unit-of-work transaction if there is one, otherwise in one of its own.
     *
     * @param entity   the entity name, e.g. {@code customer}
     * @param recordId the record
     * @param field    the field as the history shows it, e.g. {@code account_team}
     * @param oldValue what the field held before, {@code null} for nothing (a member added)
     * @param newValue what it holds after, {@code null} for nothing (a member removed)
     */
    default void recordChange(String entity, long recordId, String field, String oldValue, String newValue) {
        record(entity, recordId, AuditKind.CHANGED, field + ": " + oldValue + " -> " + newValue);
    }
}
