package org.salesbench.performance.commissions;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/** A plan's rate for a product and/or a segment (0.05 is 5 %). */
@Entity
@Table(name = "SB_PERF_COMMISSION_RATE")
public class CommissionRate extends AbstractEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "PLAN_ID", nullable = false)
    private CommissionPlan plan;

    @Column(name = "PRODUCT_ID")
    private Long productId;

    @Column(name = "SEGMENT", length = 64)
    private String segment;

    @Column(name = "RATE", precision = 9, scale = 6, nullable = false)
    private BigDecimal rate;

    protected CommissionRate() {
    }

    CommissionRate(CommissionPlan plan, Long productId, String segment, BigDecimal rate) {
        this.plan = plan;
        this.productId = productId;
        this.segment = segment;
        this.rate = rate;
    }

    public Long getProductId() {
        return productId;
    }

    public String getSegment() {
        return segment;
    }

    public BigDecimal getRate() {
        return rate;
    }
}
