package org.salesbench.performance.commissions;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * An accelerator: the part of the credited amounts beyond {@code fromAttainment} percent of the target earns the rate
 * times {@code multiplier} (up to the next tier). Below the first tier the multiplier is 1.
 */
@Entity
@Table(name = "SB_PERF_COMMISSION_TIER")
public class CommissionTier extends AbstractEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "PLAN_ID", nullable = false)
    private CommissionPlan plan;

    @Column(name = "FROM_ATTAINMENT", precision = 9, scale = 4, nullable = false)
    private BigDecimal fromAttainment;

    @Column(name = "MULTIPLIER", precision = 9, scale = 4, nullable = false)
    private BigDecimal multiplier;

    protected CommissionTier() {
    }

    CommissionTier(CommissionPlan plan, BigDecimal fromAttainment, BigDecimal multiplier) {
        this.plan = plan;
        this.fromAttainment = fromAttainment;
        this.multiplier = multiplier;
    }

    public BigDecimal getFromAttainment() {
        return fromAttainment;
    }

    public BigDecimal getMultiplier() {
        return multiplier;
    }
}
