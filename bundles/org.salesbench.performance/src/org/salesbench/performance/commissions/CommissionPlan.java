package org.salesbench.performance.commissions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;
import org.salesbench.performance.kpi.Period;

/** A commission plan: basis, base rate, rates by product or segment, accelerator tiers, for a period. */
@Entity
@Table(name = "SB_PERF_COMMISSION_PLAN")
public class CommissionPlan extends AbstractEntity {

    public static final String ENTITY = "commission";

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "BASIS", length = 16, nullable = false)
    private CommissionBasis basis = CommissionBasis.WON;

    @Column(name = "BASE_RATE", precision = 9, scale = 6, nullable = false)
    private BigDecimal baseRate;

    @Column(name = "VALID_FROM", nullable = false)
    private LocalDate validFrom;

    @Column(name = "VALID_TO", nullable = false)
    private LocalDate validTo;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    private List<CommissionRate> rates = new ArrayList<>();

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("fromAttainment")
    private List<CommissionTier> tiers = new ArrayList<>();

    protected CommissionPlan() {
    }

    public CommissionPlan(String name, CommissionBasis basis, BigDecimal baseRate, LocalDate validFrom, LocalDate validTo) {
        this.name = name;
        this.basis = basis;
        this.baseRate = baseRate;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    /** A rate for a product (its id) and/or a segment (a deal's industry); the most specific match wins. */
    public CommissionPlan rate(Long productId, String segment, BigDecimal rate) {
        rates.add(new CommissionRate(this, productId, segment, rate));
        return this;
    }

    /** From {@code fromAttainment} percent of the target on, the rate is multiplied by {@code multiplier}. */
    public CommissionPlan tier(BigDecimal fromAttainment, BigDecimal multiplier) {
        tiers.add(new CommissionTier(this, fromAttainment, multiplier));
        return this;
    }

    /** The rate for a deal's product and segment: product and segment, then product, then segment, then the base rate. */
    public BigDecimal rateFor(Long productId, String segment) {
        CommissionRate best = null;
        int bestRank = 0;
        for (CommissionRate r : rates) {
            boolean productMatches = r.getProductId() == null || r.getProductId().equals(productId);
            boolean segmentMatches = r.getSegment() == null || r.getSegment().equalsIgnoreCase(segment == null ? "" : segment);
            if (!productMatches || !segmentMatches) {
                continue;
            }
            int rank = (r.getProductId() != null ? 2 : 0) + (r.getSegment() != null ? 1 : 0);
            if (rank > bestRank) {
                best = r;
                bestRank = rank;
            }
        }
        return best == null ? baseRate : best.getRate();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public CommissionBasis getBasis() {
        return basis;
    }

    public BigDecimal getBaseRate() {
        return baseRate;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public Period period() {
        return new Period(validFrom, validTo);
    }

    public List<CommissionRate> getRates() {
        return rates;
    }

    public List<CommissionTier> getTiers() {
        return tiers;
    }
}
