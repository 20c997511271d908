package org.salesbench.audit;

import java.time.Instant;

/**
 * One recorded event of the audit trail.
 *
 * @param id       the entry's own id, increasing in the order entries were written
 * @param entity   the entity name, e.g. {@code customer}
 * @param recordId the record's id, or {@code null} for an event about no single record (an export)
 * @param kind     what happened
 * @param field    the changed column in lower case (e.g. {@code credit_code}) for {@link AuditKind#CHANGED},
 *                 {@code deleted_at} for a soft deletion or restoration, otherwise {@code null}
 * @param oldValue the field's value before, as text ({@code null} when it was empty); for a hard deletion the
 *                 whole row as JSON
 * @param newValue the field's value after, as text
 * @param user     who: the database user on PostgreSQL, the signed-in login on embedded Derby
 * @param at       when, by the database server's clock on PostgreSQL
 * @param client   the client application ({@code salesbench-workbench}, {@code salesbench-cli}, {@code psql} …), or
 *                 {@code null} when the client did not say
 * @param address  the client's network address on PostgreSQL, {@code null} for a local connection
 * @param details  free text of an event that is no row change, e.g. the target, row count and filter of an export
 */
public record AuditEntry(long id, String entity, Long recordId, AuditKind kind, String field, String oldValue,
        String newValue, String user, Instant at, String client, String address, String details) {
}
