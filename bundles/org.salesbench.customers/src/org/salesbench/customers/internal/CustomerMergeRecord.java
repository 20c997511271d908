package org.salesbench.customers.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * What a merge of two customers recorded so it can be undone: the two customers and their versions right after the
 * merge (an undo is refused when either changed since), and in {@link #getRecord() record} the survivor's field values
 * and tags of before the merge and the ids of every record that moved, by kind (see {@link MergeRecordText}). Its id
 * is the merge's id, named in the audit trail's entry of the merge. {@link #getEntity() entity} says what was merged:
 * customers, or contacts ({@link ContactMergeImpl}).
 */
@Entity
@Table(name = "SB_CUSTOMER_MERGE")
public class CustomerMergeRecord extends AbstractEntity {

    @Column(name = "ENTITY", length = 32, nullable = false)
    private String entity = org.salesbench.customers.Customer.ENTITY;

    @Column(name = "KEEP_ID", nullable = false)
    private long keepId;

    @Column(name = "MERGED_ID", nullable = false)
    private long mergedId;

    @Column(name = "KEEP_VERSION", nullable = false)
    private long keepVersion;

    @Column(name = "MERGED_VERSION", nullable = false)
    private long mergedVersion;

    @Lob
    @Column(name = "RECORD", nullable = false)
    private String record;

    @Column(name = "KEEP_BEFORE")
    private Long keepBefore;

    @Column(name = "KEEP_UNDONE")
    private Long keepUndone;

    @Column(name = "UNDONE_AT")
    private Instant undoneAt;

    @Column(name = "UNDONE_BY", length = 64)
    private String undoneBy;

    public CustomerMergeRecord() {
    }

    public CustomerMergeRecord(long keepId, long mergedId, long keepVersion, long mergedVersion, String record) {
        this.keepId = keepId;
        this.mergedId = mergedId;
        this.keepVersion = keepVersion;
        this.mergedVersion = mergedVersion;
        this.record = record;
    }

    /** A merge of records of {@code entity} (a contact), not customers. */
    public CustomerMergeRecord(String entity, long keepId, long mergedId, long keepVersion, long mergedVersion, String record) {
        this(keepId, mergedId, keepVersion, mergedVersion, record);
        this.entity = entity;
    }

    public String getEntity() { return entity; }
    public long getKeepId() { return keepId; }
    public long getMergedId() { return mergedId; }
    public long getKeepVersion() { return keepVersion; }
    public long getMergedVersion() { return mergedVersion; }
    public String getRecord() { return record; }
    public Instant getUndoneAt() { return undoneAt; }
    public String getUndoneBy() { return undoneBy; }

    public void undone(Instant at, String by) {
        this.undoneAt = at;
        this.undoneBy = by;
    }

    /** The survivor's version before the merge (null: merged before it was kept). */
    public Long getKeepBefore() { return keepBefore; }
    public void setKeepBefore(Long keepBefore) { this.keepBefore = keepBefore; }
    /** The survivor's version right after the merge was undone. */
    public Long getKeepUndone() { return keepUndone; }
    public void setKeepUndone(Long keepUndone) { this.keepUndone = keepUndone; }

    /**
     * Whether the survivor, now at {@code current}, is as this merge left it: at the version the merge recorded, or
     * at the version the undo of a later merge into it left, that later merge having started from this one's.
     */
    public boolean keepUnchanged(jakarta.persistence.EntityManager em, long current) {
        if (current == keepVersion) {
            return true;
        }
        return !em.createQuery("SELECT m.id FROM CustomerMergeRecord m WHERE m.entity = :entity AND m.keepId = :keep AND m.undoneAt IS NOT NULL"
                + " AND m.keepBefore = :before AND m.keepUndone = :current", Long.class).setParameter("entity", entity).setParameter("keep", keepId)
                .setParameter("before", keepVersion).setParameter("current", current).getResultList().isEmpty();
    }
}
