package org.salesbench.opportunities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * One configurable lead scoring rule: when a lead matches, it earns {@link #getPoints()}. Rules of
 * kind {@link ScoringRuleKind#GRADE} instead map a minimum score to a grade.
 */
@Entity
@Table(name = "SB_LEAD_SCORING_RULE")
public class ScoringRule extends AbstractEntity {

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", length = 32, nullable = false)
    private ScoringRuleKind kind;

    @Column(name = "RULE_VALUE", length = 200)
    private String value;

    @Column(name = "POINTS", nullable = false)
    private int points;

    public ScoringRule() {
    }

    public ScoringRule(ScoringRuleKind kind, String value, int points) {
        this.kind = kind;
        this.value = value;
        this.points = points;
    }

    public ScoringRuleKind getKind() { return kind; }
    public void setKind(ScoringRuleKind kind) { this.kind = kind; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
    public int getPoints() { return points; }
    public void setPoints(int points) { this.points = points; }
}
