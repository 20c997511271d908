package org.salesbench.persistence;

import org.eclipse.osgi.util.NLS;
import org.salesbench.persistence.internal.Messages;

/**
 * A write lost an optimistic-lock race: someone else changed or deleted the record since the user saw it (its
 * {@code VERSION} moved on). Nothing was written; the user should reload and apply their change again. Saves of
 * entities get it from the JPA version check, deletes, restores and stage moves from {@link #checkVersion}.
 */
public class ConcurrentChangeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Object entity;
    private final String record;
    private final Long recordId;
    private final String changedBy;

    public ConcurrentChangeException(Object entity, Throwable cause) {
        this(entity, entity == null ? null : entity.toString(), null, null, cause);
    }

    /**
     * @param record    what names the record ("opportunity#12")
     * @param recordId  its id, {@code null} if not known
     * @param changedBy the login of whoever changed it last, {@code null} if not known
     */
    public ConcurrentChangeException(Object entity, String record, Long recordId, String changedBy, Throwable cause) {
        super(message(record, changedBy), cause);
        this.entity = entity;
        this.record = record;
        this.recordId = recordId;
        this.changedBy = changedBy;
    }

    /** The conflict of the record {@code entity}#{@code id} (an {@code ENTITY} constant and an id). */
    public static ConcurrentChangeException of(String entity, long id, String changedBy) {
        return new ConcurrentChangeException(null, entity + "#" + id, id, changedBy, null);
    }

    private static String message(String record, String changedBy) {
        String name = record == null ? Messages.Conflict_theRecord : record;
        return changedBy == null ? NLS.bind(Messages.Conflict_changed, name) : NLS.bind(Messages.Conflict_changedBy, name, changedBy);
    }

    /**
     * Refuses a write to the record {@code entity}#{@code id} when its stored version is not the one the user saw.
     *
     * @param storedVersion the version in the database now, {@code null} if the record is gone
     * @param changedBy     the login in its {@code UPDATED_BY} (or {@code DELETED_BY}), {@code null} if not known
     */
    public static void checkVersion(String entity, long id, long seenVersion, Long storedVersion, String changedBy) {
        if (storedVersion == null || storedVersion != seenVersion) {
            throw of(entity, id, changedBy);
        }
    }

    /** The stale record, if known. */
    public Object getEntity() {
        return entity;
    }

    /** What names the record that changed, {@code null} if not known. */
    public String getRecord() {
        return record;
    }

    /** The id of the record that changed, {@code null} if not known. */
    public Long getRecordId() {
        return recordId;
    }

    /** The login of whoever changed the record last, {@code null} if not known. */
    public String getChangedBy() {
        return changedBy;
    }
}
