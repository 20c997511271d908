package org.salesbench.core.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;

/**
 * The base of every Salesbench record: a generated id, an optimistic-lock version, audit columns
 * and an owner (a user's login name).
 * <p>
 * Ids come from one table-backed generator with a large allocation so bulk inserts do not pay a
 * round trip per row; the table is created by the persistence bundle's migrations.
 */
@MappedSuperclass
@EntityListeners(AuditListener.class)
public abstract class AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SB_ID")
    @TableGenerator(name = "SB_ID", table = "SB_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "SB_ID", allocationSize = 100)
    private Long id;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "CREATED_BY", length = 64, nullable = false)
    private String createdBy;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Column(name = "UPDATED_BY", length = 64, nullable = false)
    private String updatedBy;

    @Column(name = "OWNER", length = 64, nullable = false)
    private String owner;

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    /** Stamps the audit columns; called by the unit of work before each insert or update. */
    public void stamp(String user, Instant now) {
        if (createdAt == null) {
            createdAt = now;
            createdBy = user;
            if (owner == null) {
                owner = user;
            }
        }
        updatedAt = now;
        updatedBy = user;
    }

    public boolean isNew() {
        return id == null;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "#" + id;
    }
}
