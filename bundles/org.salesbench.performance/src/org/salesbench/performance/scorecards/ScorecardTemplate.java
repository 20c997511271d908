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

/** A scorecard template: weighted KPI lines for a period, a draft until published and read-only after. */
@Entity
@Table(name = "SB_PERF_SCORECARD")
public class ScorecardTemplate extends AbstractEntity {

    public static final String ENTITY = "scorecard";

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    @Column(name = "REVISION", nullable = false)
    private int revision = 1;

    @Column(name = "VALID_FROM", nullable = false)
    private LocalDate validFrom;

    @Column(name = "VALID_TO", nullable = false)
    private LocalDate validTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private TemplateStatus status = TemplateStatus.DRAFT;

    @Column(name = "PUBLISHED_AT")
    private Instant publishedAt;

    @Column(name = "PUBLISHED_BY", length = 64)
    private String publishedBy;

    @Column(name = "PREVIOUS_ID")
    private Long previousId;

    @OneToMany(mappedBy = "template", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position")
    private List<ScorecardLine> lines = new ArrayList<>();

    protected ScorecardTemplate() {
    }

    public ScorecardTemplate(String name, LocalDate validFrom, LocalDate validTo) {
        this.name = name;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    /** Adds a line at the end and returns it. */
    public ScorecardLine addLine(String kpiId, BigDecimal weight, Curve curve, BigDecimal threshold, BigDecimal target) {
        ScorecardLine line = new ScorecardLine(this, lines.size() + 1, kpiId, weight, curve, threshold, target);
        lines.add(line);
        return line;
    }

    public BigDecimal totalWeight() {
        return lines.stream().map(l -> l.getWeight() == null ? BigDecimal.ZERO : l.getWeight()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getRevision() {
        return revision;
    }

    void setRevision(int revision) {
        this.revision = revision;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public void setValidity(LocalDate from, LocalDate to) {
        this.validFrom = from;
        this.validTo = to;
    }

    public Period period() {
        return new Period(validFrom, validTo);
    }

    public TemplateStatus getStatus() {
        return status;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    /** Marks the template published; the service checks the rules first. */
    public void markPublished(Instant at, String by) {
        status = TemplateStatus.PUBLISHED;
        publishedAt = at;
        publishedBy = by;
    }

    public Long getPreviousId() {
        return previousId;
    }

    /** A draft copy of this template's lines for a new period, one revision on. */
    public ScorecardTemplate nextVersion(LocalDate from, LocalDate to) {
        ScorecardTemplate next = new ScorecardTemplate(name, from, to);
        next.revision = revision + 1;
        next.previousId = getId();
        for (ScorecardLine line : lines) {
            next.addLine(line.getKpiId(), line.getWeight(), line.getCurve(), line.getThreshold(), line.getTarget())
                    .setCapAndSteps(line.getCap(), line.getSteps()).setParameter(line.getParameter())
                    .setKpiTarget(line.getKpiTarget());
        }
        return next;
    }

    public List<ScorecardLine> getLines() {
        return lines;
    }
}
