package org.salesbench.core.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * A record that goes to the recycle bin when deleted: {@code DELETED_AT}/{@code DELETED_BY} are set, and every list,
 * count, search, report and export leaves it out until it is restored or purged. The columns are written by the
 * owning service's delete and restore (in SQL, with the version), never by saving the entity.
 */
@MappedSuperclass
public abstract class DeletableEntity extends AbstractEntity {

    @Column(name = "DELETED_AT", insertable = false, updatable = false)
    private Instant deletedAt;

    @Column(name = "DELETED_BY", length = 64, insertable = false, updatable = false)
    private String deletedBy;

    /** When the record was deleted; {@code null} while it is not in the recycle bin. */
    public Instant getDeletedAt() {
        return deletedAt;
    }

    public String getDeletedBy() {
        return deletedBy;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
