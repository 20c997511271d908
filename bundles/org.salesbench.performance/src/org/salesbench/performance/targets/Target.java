package org.salesbench.performance.targets;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * A target: how much of a catalogue metric a subject (the company, a team, a person) should reach in a period. One
 * target per metric, subject and period; a part of a breakdown names the target it was split from.
 */
@Entity
@Table(name = "SB_TARGET")
public class Target extends AbstractEntity {

    /** Security entity name. */
    public static final String ENTITY = "target";

    @Column(name = "METRIC", length = 64, nullable = false)
    private String metric;

    @Enumerated(EnumType.STRING)
    @Column(name = "SUBJECT_KIND", length = 16, nullable = false)
    private SubjectKind subjectKind;

    @Column(name = "SUBJECT_KEY", length = 64, nullable = false)
    private String subjectKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "PERIOD_KIND", length = 16, nullable = false)
    private PeriodKind periodKind;

    @Column(name = "PERIOD_START", nullable = false)
    private LocalDate periodStart;

    @Column(name = "PERIOD_END", nullable = false)
    private LocalDate periodEnd;

    @Column(name = "TARGET_VALUE", precision = 19, scale = 4, nullable = false)
    private BigDecimal value;

    @Column(name = "PARENT_ID")
    private Long parentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "SPLIT_METHOD", length = 16)
    private SplitMethod splitMethod;

    protected Target() {
        // for JPA
    }

    public Target(String metric, Subject subject, TargetPeriod period, BigDecimal value) {
        this.metric = metric;
        this.subjectKind = subject.kind();
        this.subjectKey = subject.key();
        setPeriod(period);
        this.value = value;
    }

    public String getMetric() {
        return metric;
    }

    public Subject getSubject() {
        return new Subject(subjectKind, subjectKey);
    }

    public TargetPeriod getPeriod() {
        return TargetPeriod.containing(periodKind, periodStart);
    }

    private void setPeriod(TargetPeriod period) {
        this.periodKind = period.kind();
        this.periodStart = period.from();
        this.periodEnd = period.to();
    }

    public BigDecimal getValue() {
        return value;
    }

    public void setValue(BigDecimal value) {
        this.value = value;
    }

    /** The target this one is a part of, or {@code null}. */
    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    /** How this part was split from its parent, or {@code null}. */
    public SplitMethod getSplitMethod() {
        return splitMethod;
    }

    public void setSplitMethod(SplitMethod splitMethod) {
        this.splitMethod = splitMethod;
    }
}
