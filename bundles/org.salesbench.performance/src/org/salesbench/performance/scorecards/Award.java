package org.salesbench.performance.scorecards;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;
import org.salesbench.performance.kpi.Period;

/**
 * An award beyond money for a period (e.g. {@code best_service} 最佳服务奖, {@code best_teamwork} 团队协作奖), given to its
 * owner by scorecard rank (the KPI line ranked, or the final score, and the winning score) or by a manager's choice
 * with a reason.
 */
@Entity
@Table(name = "SB_PERF_AWARD")
public class Award extends AbstractEntity {

    @Column(name = "AWARD", length = 64, nullable = false)
    private String award;

    @Column(name = "PERIOD_FROM", nullable = false)
    private LocalDate periodFrom;

    @Column(name = "PERIOD_TO", nullable = false)
    private LocalDate periodTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "SOURCE", length = 16, nullable = false)
    private AwardSource source;

    @Column(name = "KPI_ID", length = 64)
    private String kpiId;

    @Column(name = "SCORE", precision = 19, scale = 4)
    private BigDecimal score;

    @Column(name = "REASON", length = 500)
    private String reason;

    protected Award() {
    }

    public Award(String award, Period period, String login, AwardSource source, String kpiId, BigDecimal score, String reason) {
        this.award = award;
        this.periodFrom = period.from();
        this.periodTo = period.to();
        setOwner(login);
        this.source = source;
        this.kpiId = kpiId;
        this.score = score;
        this.reason = reason;
    }

    public String getAward() {
        return award;
    }

    public Period getPeriod() {
        return new Period(periodFrom, periodTo);
    }

    public String getLogin() {
        return getOwner();
    }

    public AwardSource getSource() {
        return source;
    }

    public String getKpiId() {
        return kpiId;
    }

    public BigDecimal getScore() {
        return score;
    }

    public String getReason() {
        return reason;
    }
}
