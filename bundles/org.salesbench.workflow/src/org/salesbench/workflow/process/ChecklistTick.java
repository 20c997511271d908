package org.salesbench.workflow.process;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/** A ticked checklist item of an opportunity: which item of which step, who ticked it and when. Unticking deletes it. */
@Entity
@Table(name = "SB_PROCESS_TICK")
public class ChecklistTick extends AbstractEntity {

    @Column(name = "OPPORTUNITY_ID", nullable = false)
    private long opportunityId;

    @Column(name = "STEP_ID", nullable = false)
    private long stepId;

    @Column(name = "ITEM_KEY", length = 64, nullable = false)
    private String itemKey;

    @Column(name = "TICKED_BY", length = 64, nullable = false)
    private String tickedBy;

    @Column(name = "TICKED_AT", nullable = false)
    private Instant tickedAt;

    public ChecklistTick() {
    }

    public ChecklistTick(long opportunityId, long stepId, String itemKey, String tickedBy, Instant tickedAt) {
        this.opportunityId = opportunityId;
        this.stepId = stepId;
        this.itemKey = itemKey;
        this.tickedBy = tickedBy;
        this.tickedAt = tickedAt;
    }

    public long getOpportunityId() { return opportunityId; }
    public long getStepId() { return stepId; }
    public String getItemKey() { return itemKey; }
    public String getTickedBy() { return tickedBy; }
    public Instant getTickedAt() { return tickedAt; }
}
