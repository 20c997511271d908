package org.salesbench.performance.scorecards;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/** One line of an assessment, frozen: the KPI, its weight and target then, the raw value, the score and its weighted part. */
@Entity
@Table(name = "SB_PERF_ASSESSMENT_LINE")
public class AssessmentLine extends AbstractEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "ASSESSMENT_ID", nullable = false)
    private Assessment assessment;

    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "KPI_ID", length = 64, nullable = false)
    private String kpiId;

    @Column(name = "PARAMETER", length = 64)
    private String parameter;

    @Column(name = "WEIGHT", precision = 7, scale = 4, nullable = false)
    private BigDecimal weight;

    @Column(name = "RAW_VALUE", precision = 19, scale = 4)
    private BigDecimal rawValue;

    @Column(name = "TARGET_VALUE", precision = 19, scale = 4, nullable = false)
    private BigDecimal target;

    @Column(name = "KPI_TARGET", precision = 19, scale = 4)
    private BigDecimal kpiTarget;

    @Column(name = "SCORE", precision = 9, scale = 4, nullable = false)
    private BigDecimal score;

    @Column(name = "WEIGHTED", precision = 9, scale = 4, nullable = false)
    private BigDecimal weighted;

    protected AssessmentLine() {
    }

    AssessmentLine(Assessment assessment, ScorecardLine line, BigDecimal kpiTarget, BigDecimal rawValue, BigDecimal score, BigDecimal weighted) {
        this.assessment = assessment;
        setOwner(assessment.getOwner());
        this.position = line.getPosition();
        this.kpiId = line.getKpiId();
        this.parameter = line.getParameter();
        this.weight = line.getWeight();
        this.target = line.getTarget();
        this.kpiTarget = kpiTarget;
        this.rawValue = rawValue;
        this.score = score;
        this.weighted = weighted;
    }

    public int getPosition() {
        return position;
    }

    public String getKpiId() {
        return kpiId;
    }

    public String getParameter() {
        return parameter;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public BigDecimal getRawValue() {
        return rawValue;
    }

    public BigDecimal getTarget() {
        return target;
    }

    public BigDecimal getKpiTarget() {
        return kpiTarget;
    }

    public BigDecimal getScore() {
        return score;
    }

    public BigDecimal getWeighted() {
        return weighted;
    }
}
