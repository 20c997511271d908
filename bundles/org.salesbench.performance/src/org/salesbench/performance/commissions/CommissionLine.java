package org.salesbench.performance.commissions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;
import org.salesbench.performance.kpi.Period;

/** A line of a closed statement, stored so that the statement never changes and a later clawback knows what was paid. */
@Entity
@Table(name = "SB_PERF_COMMISSION_LINE")
public class CommissionLine extends AbstractEntity {

    @Column(name = "PLAN_ID", nullable = false)
    private long planId;

    @Column(name = "PERIOD_FROM", nullable = false)
    private LocalDate periodFrom;

    @Column(name = "PERIOD_TO", nullable = false)
    private LocalDate periodTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", length = 16, nullable = false)
    private LineKind kind;

    @Column(name = "SOURCE_KEY", length = 64, nullable = false)
    private String sourceKey;

    @Column(name = "ON_DATE", nullable = false)
    private LocalDate onDate;

    @Column(name = "BASE_AMOUNT", precision = 19, scale = 4, nullable = false)
    private BigDecimal baseAmount;

    @Column(name = "RATE", precision = 9, scale = 6, nullable = false)
    private BigDecimal rate;

    @Column(name = "MULTIPLIER", precision = 9, scale = 4, nullable = false)
    private BigDecimal multiplier;

    @Column(name = "COMMISSION", precision = 19, scale = 4, nullable = false)
    private BigDecimal commission;

    @Column(name = "DESCRIPTION", length = 300)
    private String description;

    protected CommissionLine() {
    }

    public CommissionLine(long planId, String login, Period period, Statement.Line line) {
        this.planId = planId;
        setOwner(login);
        this.periodFrom = period.from();
        this.periodTo = period.to();
        this.kind = line.kind();
        this.sourceKey = line.sourceKey();
        this.onDate = line.onDate();
        this.baseAmount = line.base();
        this.rate = line.rate();
        this.multiplier = line.multiplier();
        this.commission = line.commission();
        String d = line.description();
        this.description = d != null && d.length() > 300 ? d.substring(0, 300) : d;
    }

    public Statement.Line toLine() {
        // stored to four places, paid to the cent
        return new Statement.Line(kind, sourceKey, onDate, description, baseAmount, rate, multiplier, commission.setScale(2, RoundingMode.HALF_UP));
    }

    public long getPlanId() {
        return planId;
    }

    public Period getPeriod() {
        return new Period(periodFrom, periodTo);
    }

    public LineKind getKind() {
        return kind;
    }

    public String getSourceKey() {
        return sourceKey;
    }

    public BigDecimal getCommission() {
        return commission;
    }

    public BigDecimal getBaseAmount() {
        return baseAmount;
    }
}
