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
 * is the merge's id, named in the audit trail's entry of the merge.
 */
@Entity
@Table(name = "SB_CUSTOMER_MERGE")
public class CustomerMergeRecord extends AbstractEntity {

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
}
