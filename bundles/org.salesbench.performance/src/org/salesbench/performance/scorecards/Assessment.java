package org.salesbench.performance.scorecards;

import java.math.BigDecimal;
import java.time.Instant;
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

/**
 * A closed assessment of one person (the record's owner) for a period against a published template: the raw values
 * and scores frozen when it was run, so later data changes never rewrite it; a manager's adjustment with its reason;
 * the person's confirmation or appeal.
 */
@Entity
@Table(name = "SB_PERF_ASSESSMENT")
public class Assessment extends AbstractEntity {

    public static final String ENTITY = "assessment";

    @Column(name = "TEMPLATE_ID", nullable = false)
    private long templateId;

    @Column(name = "PERIOD_FROM", nullable = false)
    private LocalDate periodFrom;

    @Column(name = "PERIOD_TO", nullable = false)
    private LocalDate periodTo;

    @Column(name = "RUN_AT", nullable = false)
    private Instant runAt;

    @Column(name = "COMPUTED_SCORE", precision = 9, scale = 4, nullable = false)
    private BigDecimal computedScore;

    @Column(name = "ADJUSTMENT", precision = 9, scale = 4, nullable = false)
    private BigDecimal adjustment = BigDecimal.ZERO;

    @Column(name = "ADJUSTMENT_REASON", length = 500)
    private String adjustmentReason;

    @Column(name = "ADJUSTED_BY", length = 64)
    private String adjustedBy;

    @Column(name = "FINAL_SCORE", precision = 9, scale = 4, nullable = false)
    private BigDecimal finalScore;

    @Enumerated(EnumType.STRING)
    @Column(name = "RESPONSE", length = 16, nullable = false)
    private Response response = Response.PENDING;

    @Column(name = "RESPONSE_NOTE", length = 1000)
    private String responseNote;

    @OneToMany(mappedBy = "assessment", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position")
    private List<AssessmentLine> lines = new ArrayList<>();

    protected Assessment() {
    }

    public Assessment(long templateId, String login, Period period, Instant runAt) {
        this.templateId = templateId;
        setOwner(login);
        this.periodFrom = period.from();
        this.periodTo = period.to();
        this.runAt = runAt;
        this.computedScore = BigDecimal.ZERO;
        this.finalScore = BigDecimal.ZERO;
    }

    /** Freezes a line's figures; the total is their weighted sum. */
    /** Freezes a line measured against {@code kpiTarget} (the line's own, or the published target used instead). */
    public void freeze(ScorecardLine line, BigDecimal kpiTarget, BigDecimal rawValue, BigDecimal score, BigDecimal weighted) {
        lines.add(new AssessmentLine(this, line, kpiTarget, rawValue, score, weighted));
        computedScore = computedScore.add(weighted);
        finalScore = computedScore.add(adjustment);
    }

    public void adjust(BigDecimal delta, String reason, String by) {
        adjustment = delta;
        adjustmentReason = reason;
        adjustedBy = by;
        finalScore = computedScore.add(delta);
    }

    public void answer(Response response, String note) {
        this.response = response;
        this.responseNote = note;
    }

    public String getLogin() {
        return getOwner();
    }

    public long getTemplateId() {
        return templateId;
    }

    public Period getPeriod() {
        return new Period(periodFrom, periodTo);
    }

    public Instant getRunAt() {
        return runAt;
    }

    public BigDecimal getComputedScore() {
        return computedScore;
    }

    public BigDecimal getAdjustment() {
        return adjustment;
    }

    public String getAdjustmentReason() {
        return adjustmentReason;
    }

    public String getAdjustedBy() {
        return adjustedBy;
    }

    public BigDecimal getFinalScore() {
        return finalScore;
    }

    public Response getResponse() {
        return response;
    }

    public String getResponseNote() {
        return responseNote;
    }

    public List<AssessmentLine> getLines() {
        return lines;
    }
}
