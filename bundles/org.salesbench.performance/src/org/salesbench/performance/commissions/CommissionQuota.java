package org.salesbench.performance.commissions;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/** A person's (the owner's) target under a plan, that attainment and the accelerators are measured against. */
@Entity
@Table(name = "SB_PERF_COMMISSION_QUOTA")
public class CommissionQuota extends AbstractEntity {

    @Column(name = "PLAN_ID", nullable = false)
    private long planId;

    @Column(name = "TARGET", precision = 19, scale = 4, nullable = false)
    private BigDecimal target;

    protected CommissionQuota() {
    }

    public CommissionQuota(long planId, String login, BigDecimal target) {
        this.planId = planId;
        setOwner(login);
        this.target = target;
    }

    public long getPlanId() {
        return planId;
    }

    public BigDecimal getTarget() {
        return target;
    }

    public void setTarget(BigDecimal target) {
        this.target = target;
    }
}
