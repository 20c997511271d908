package org.salesbench.opportunities;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;
import org.salesbench.core.model.Money;

/**
 * One stage change of an opportunity: from where to where, who moved it, when, and the amount and
 * probability at that moment, so time in stage and stage-to-stage conversion can be computed.
 * The first row of an opportunity has no {@code fromStage}.
 */
@Entity
@Table(name = "SB_STAGE_HISTORY")
public class StageHistory extends AbstractEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "OPPORTUNITY_ID", nullable = false)
    private Opportunity opportunity;

    @ManyToOne
    @JoinColumn(name = "FROM_STAGE_ID")
    private Stage fromStage;

    @ManyToOne(optional = false)
    @JoinColumn(name = "TO_STAGE_ID", nullable = false)
    private Stage toStage;

    @Column(name = "MOVED_BY", length = 64, nullable = false)
    private String movedBy;

    @Column(name = "MOVED_AT", nullable = false)
    private Instant movedAt;

    /** Columns AMOUNT and CURRENCY: the amount when the move was made. */
    @Embedded
    private Money amount;

    @Column(name = "PROBABILITY", nullable = false)
    private int probability;

    public StageHistory() {
    }

    public StageHistory(Opportunity opportunity, Stage fromStage, Stage toStage, String movedBy, Instant movedAt) {
        this.opportunity = opportunity;
        this.fromStage = fromStage;
        this.toStage = toStage;
        this.movedBy = movedBy;
        this.movedAt = movedAt;
        this.amount = opportunity.getAmount();
        this.probability = opportunity.getProbability();
    }

    /** The stage the deal left: an earlier move recorded later (a migrated history) changes what the next move left. */
    public void setFromStage(Stage fromStage) { this.fromStage = fromStage; }
    /** The amount when the move was made, as another system recorded it. */
    public void setAmount(Money amount) { this.amount = amount; }
    public void setProbability(int probability) { this.probability = probability; }
    public Opportunity getOpportunity() { return opportunity; }
    public Stage getFromStage() { return fromStage; }
    public Stage getToStage() { return toStage; }
    public String getMovedBy() { return movedBy; }
    public Instant getMovedAt() { return movedAt; }
    public Money getAmount() { return amount; }
    public int getProbability() { return probability; }
}
