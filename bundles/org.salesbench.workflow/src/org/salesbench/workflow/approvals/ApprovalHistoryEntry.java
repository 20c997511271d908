package org.salesbench.workflow.approvals;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/** What happened to a request: who, when (by the engine's clock), at which step, what, and their comment. */
@Entity
@Table(name = "SB_APPROVAL_HISTORY")
public class ApprovalHistoryEntry extends AbstractEntity {

    @Column(name = "REQUEST_ID", nullable = false)
    private long requestId;

    @Column(name = "STEP", nullable = false)
    private int step;

    @Column(name = "ACTOR", length = 64, nullable = false)
    private String actor;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "ACTION", length = 16, nullable = false)
    private ApprovalAction action;

    @Column(name = "COMMENT_TEXT", length = 1000)
    private String comment;

    @Column(name = "TARGET", length = 1000)
    private String target;

    public ApprovalHistoryEntry() {
    }

    public ApprovalHistoryEntry(ApprovalRequest request, String actor, Instant at, ApprovalAction action, String comment) {
        this.requestId = request.getId();
        this.step = request.getCurrentStep();
        this.actor = actor;
        this.occurredAt = at;
        this.action = action;
        this.comment = comment;
        setOwner(request.getOwner());
    }

    public long getRequestId() {
        return requestId;
    }

    public int getStep() {
        return step;
    }

    public String getActor() {
        return actor;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public ApprovalAction getAction() {
        return action;
    }

    public String getComment() {
        return comment;
    }

    /** Whom a delegation or an escalation handed the step to (logins separated by commas); null otherwise. */
    public String getTarget() {
        return target;
    }

    public ApprovalHistoryEntry to(String target) {
        this.target = target;
        return this;
    }
}
