package org.salesbench.performance.targets;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * One change of a target's value: who ({@link #getCreatedBy()}), when ({@link #getCreatedAt()}), why, and the value
 * before ({@code null} when the target was set) and after. Written with every change, never changed.
 */
@Entity
@Table(name = "SB_TARGET_REVISION")
public class TargetRevision extends AbstractEntity {

    @Column(name = "TARGET_ID", nullable = false)
    private long targetId;

    @Column(name = "OLD_VALUE", precision = 19, scale = 4)
    private BigDecimal oldValue;

    @Column(name = "NEW_VALUE", precision = 19, scale = 4, nullable = false)
    private BigDecimal newValue;

    @Column(name = "REASON", length = 500, nullable = false)
    private String reason;

    protected TargetRevision() {
        // for JPA
    }

    public TargetRevision(long targetId, BigDecimal oldValue, BigDecimal newValue, String reason) {
        this.targetId = targetId;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.reason = reason;
    }

    public long getTargetId() {
        return targetId;
    }

    public BigDecimal getOldValue() {
        return oldValue;
    }

    public BigDecimal getNewValue() {
        return newValue;
    }

    public String getReason() {
        return reason;
    }
}
