package org.salesbench.audit;

import java.time.Instant;

/**
 * What to search the audit trail for; every criterion left {@code null} matches everything. Results come newest first.
 *
 * @param entity   the entity name, e.g. {@code customer}
 * @param recordId one record's id (with {@code entity})
 * @param user     who made the change (exact login)
 * @param since    from this instant on (inclusive)
 * @param until    before this instant (exclusive)
 * @param field    one field (column name, any case)
 * @param offset   entries to skip, for paging
 * @param limit    at most this many entries (positive)
 */
public record AuditQuery(String entity, Long recordId, String user, Instant since, Instant until, String field,
        int offset, int limit) {

    public static final int DEFAULT_LIMIT = 500;

    public AuditQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset " + offset);
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit " + limit);
        }
    }

    /** Everything, newest first, up to {@link #DEFAULT_LIMIT}. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, 0, DEFAULT_LIMIT);
    }

    /** The history of one record. */
    public static AuditQuery of(String entity, long recordId) {
        return all().withEntity(entity).withRecord(recordId);
    }

    public AuditQuery withEntity(String value) {
        return new AuditQuery(value, recordId, user, since, until, field, offset, limit);
    }

    public AuditQuery withRecord(Long value) {
        return new AuditQuery(entity, value, user, since, until, field, offset, limit);
    }

    public AuditQuery withUser(String value) {
        return new AuditQuery(entity, recordId, value, since, until, field, offset, limit);
    }

    public AuditQuery withPeriod(Instant from, Instant to) {
        return new AuditQuery(entity, recordId, user, from, to, field, offset, limit);
    }

    public AuditQuery withField(String value) {
        return new AuditQuery(entity, recordId, user, since, until, value, offset, limit);
    }

    public AuditQuery withPage(int from, int size) {
        return new AuditQuery(entity, recordId, user, since, until, field, from, size);
    }
}
