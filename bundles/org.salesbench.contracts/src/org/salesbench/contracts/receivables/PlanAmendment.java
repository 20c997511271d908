package org.salesbench.contracts.receivables;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * A change of a signed contract's payment plan: who ({@link #getCreatedBy()}), when ({@link #getCreatedAt()}), why, and
 * the plan before and after (one line per instalment: due date, amount, percentage).
 */
@Entity
@Table(name = "SB_CONTRACT_PLAN_AMENDMENT")
public class PlanAmendment extends AbstractEntity {

    @Column(name = "CONTRACT_ID", nullable = false)
    private long contractId;

    @Column(name = "REASON", length = 500, nullable = false)
    private String reason;

    @Column(name = "BEFORE_PLAN", length = 4000, nullable = false)
    private String before;

    @Column(name = "AFTER_PLAN", length = 4000, nullable = false)
    private String after;

    protected PlanAmendment() {
        // for JPA
    }

    public PlanAmendment(long contractId, String reason, String before, String after) {
        this.contractId = contractId;
        this.reason = reason;
        this.before = before;
        this.after = after;
    }

    public long getContractId() { return contractId; }
    public String getReason() { return reason; }
    public String getBefore() { return before; }
    public String getAfter() { return after; }
}
