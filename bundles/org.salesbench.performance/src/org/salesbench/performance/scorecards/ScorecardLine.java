package org.salesbench.performance.scorecards;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * A weighted KPI line of a scorecard: the KPI (and its parameter, e.g. the activity type), the weight in percent, the
 * curve with its threshold (scores 0), target (scores 100), cap or steps, and for a KPI measured against a target
 * (revenue attainment) that target, the line's own for now.
 */
@Entity
@Table(name = "SB_PERF_SCORECARD_LINE")
public class ScorecardLine extends AbstractEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "TEMPLATE_ID", nullable = false)
    private ScorecardTemplate template;

    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "KPI_ID", length = 64, nullable = false)
    private String kpiId;

    @Column(name = "PARAMETER", length = 64)
    private String parameter;

    @Column(name = "WEIGHT", precision = 7, scale = 4, nullable = false)
    private BigDecimal weight;

    @Enumerated(EnumType.STRING)
    @Column(name = "CURVE", length = 16, nullable = false)
    private Curve curve = Curve.LINEAR;

    @Column(name = "THRESHOLD_VALUE", precision = 19, scale = 4)
    private BigDecimal threshold;

    @Column(name = "TARGET_VALUE", precision = 19, scale = 4, nullable = false)
    private BigDecimal target;

    /** What a KPI that measures against a target (revenue attainment) divides by; the line's own until targets supply it. */
    @Column(name = "KPI_TARGET", precision = 19, scale = 4)
    private BigDecimal kpiTarget;

    @Column(name = "CAP_SCORE", precision = 9, scale = 4)
    private BigDecimal cap;

    @Column(name = "STEPS", length = 500)
    private String steps;

    protected ScorecardLine() {
    }

    ScorecardLine(ScorecardTemplate template, int position, String kpiId, BigDecimal weight, Curve curve, BigDecimal threshold, BigDecimal target) {
        this.template = template;
        this.position = position;
        this.kpiId = kpiId;
        this.weight = weight;
        this.curve = curve;
        this.threshold = threshold;
        this.target = target;
    }

    public ScorecardLine setCapAndSteps(BigDecimal cap, String steps) {
        this.cap = cap;
        this.steps = steps;
        return this;
    }

    public ScorecardLine setParameter(String parameter) {
        this.parameter = parameter;
        return this;
    }

    public ScorecardLine setKpiTarget(BigDecimal kpiTarget) {
        this.kpiTarget = kpiTarget;
        return this;
    }

    public BigDecimal getKpiTarget() {
        return kpiTarget;
    }

    public ScorecardTemplate getTemplate() {
        return template;
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

    public void setWeight(BigDecimal weight) {
        this.weight = weight;
    }

    public Curve getCurve() {
        return curve;
    }

    public BigDecimal getThreshold() {
        return threshold;
    }

    public BigDecimal getTarget() {
        return target;
    }

    public void setTarget(BigDecimal target) {
        this.target = target;
    }

    public BigDecimal getCap() {
        return cap;
    }

    public String getSteps() {
        return steps;
    }

    /** This line's score for a raw value. */
    public BigDecimal score(BigDecimal value) {
        return curve.score(value, threshold, target, cap, steps);
    }
}
