package org.salesbench.workflow.approvals;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * One approver of one step of a request, and their decision once taken ({@code null} while open; a delegated
 * assignment is closed and a new one opened for the delegate). The {@link #getOwner() owner} is the request's requester,
 * so the row follows its request's visibility.
 */
@Entity
@Table(name = "SB_APPROVAL_ASSIGNMENT")
public class ApprovalAssignment extends AbstractEntity {

    @Column(name = "REQUEST_ID", nullable = false)
    private long requestId;

    @Column(name = "STEP", nullable = false)
    private int step;

    @Column(name = "APPROVER", length = 64, nullable = false)
    private String approver;

    @Enumerated(EnumType.STRING)
    @Column(name = "DECISION", length = 16)
    private ApprovalAction decision;

    @Column(name = "DECIDED_AT")
    private Instant decidedAt;

    public ApprovalAssignment() {
    }

    public ApprovalAssignment(ApprovalRequest request, int step, String approver) {
        this.requestId = request.getId();
        this.step = step;
        this.approver = approver;
        setOwner(request.getOwner());
    }

    public boolean isOpen() {
        return decision == null;
    }

    public void close(ApprovalAction decision, Instant at) {
        this.decision = decision;
        this.decidedAt = at;
    }

    public long getRequestId() {
        return requestId;
    }

    public int getStep() {
        return step;
    }

    public String getApprover() {
        return approver;
    }

    public ApprovalAction getDecision() {
        return decision;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
