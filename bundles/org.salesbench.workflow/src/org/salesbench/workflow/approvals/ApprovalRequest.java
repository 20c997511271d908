package org.salesbench.workflow.approvals;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * One record's way through a definition. The {@link #getOwner() owner} is the requester; {@link #getCurrentStep()}
 * counts from 1; {@link #getStepStartedAt()} is when the current step began waiting (its SLA runs from there), and
 * {@link #getEscalations()} how many times the current step was escalated.
 */
@Entity
@Table(name = "SB_APPROVAL_REQUEST")
public class ApprovalRequest extends AbstractEntity {

    @Column(name = "DEFINITION_ID", nullable = false)
    private long definitionId;

    @Column(name = "DEFINITION_NAME", length = 128, nullable = false)
    private String definitionName;

    @Column(name = "ENTITY_TYPE", length = 64, nullable = false)
    private String entityType;

    @Column(name = "RECORD_ID", nullable = false)
    private long recordId;

    @Column(name = "RECORD_LABEL", length = 255)
    private String recordLabel;

    @Column(name = "RECORD_OWNER", length = 64, nullable = false)
    private String recordOwner;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private ApprovalStatus status = ApprovalStatus.PENDING;

    @Column(name = "CURRENT_STEP", nullable = false)
    private int currentStep = 1;

    @Column(name = "STEP_COUNT", nullable = false)
    private int stepCount;

    @Column(name = "STEP_STARTED_AT", nullable = false)
    private Instant stepStartedAt;

    @Column(name = "ESCALATIONS", nullable = false)
    private int escalations;

    @Column(name = "DECIDED_AT")
    private Instant decidedAt;

    public ApprovalRequest() {
    }

    public ApprovalRequest(ApprovalDefinition definition, String entityType, long recordId, String recordLabel, String recordOwner,
            String requester, Instant now) {
        this.definitionId = definition.getId();
        this.definitionName = definition.getName();
        this.entityType = entityType;
        this.recordId = recordId;
        this.recordLabel = recordLabel;
        this.recordOwner = recordOwner;
        this.stepCount = definition.getSteps().size();
        this.stepStartedAt = now;
        setOwner(requester);
    }

    /** Who asked (the owner of this row). */
    public String getRequester() {
        return getOwner();
    }

    public long getDefinitionId() {
        return definitionId;
    }

    public String getDefinitionName() {
        return definitionName;
    }

    public String getEntityType() {
        return entityType;
    }

    public long getRecordId() {
        return recordId;
    }

    public String getRecordLabel() {
        return recordLabel;
    }

    public String getRecordOwner() {
        return recordOwner;
    }

    public ApprovalStatus getStatus() {
        return status;
    }

    public void setStatus(ApprovalStatus status) {
        this.status = status;
    }

    public int getCurrentStep() {
        return currentStep;
    }

    public void setCurrentStep(int currentStep) {
        this.currentStep = currentStep;
    }

    public int getStepCount() {
        return stepCount;
    }

    public Instant getStepStartedAt() {
        return stepStartedAt;
    }

    public void setStepStartedAt(Instant stepStartedAt) {
        this.stepStartedAt = stepStartedAt;
    }

    public int getEscalations() {
        return escalations;
    }

    public void setEscalations(int escalations) {
        this.escalations = escalations;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public void setDecidedAt(Instant decidedAt) {
        this.decidedAt = decidedAt;
    }
}
