package org.salesbench.workflow.approvals;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * One step of a definition: who approves ({@link ApproverKind} and its value: a role, a fallback role, or logins
 * separated by commas), whether one or all of them must, the hours it may wait (0: no SLA) and the step whose approvers
 * take over when it waits longer (its number, from 1; none: no escalation).
 */
@Entity
@Table(name = "SB_APPROVAL_STEP")
public class ApprovalStep extends AbstractEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "DEFINITION_ID", nullable = false)
    private ApprovalDefinition definition;

    @Column(name = "NAME", length = 128, nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "APPROVER_KIND", length = 16, nullable = false)
    private ApproverKind approverKind;

    @Column(name = "APPROVERS", length = 1000)
    private String approvers;

    @Column(name = "ALL_REQUIRED", nullable = false)
    private boolean allRequired;

    @Column(name = "SLA_HOURS", nullable = false)
    private int slaHours;

    @Column(name = "ESCALATE_TO_STEP")
    private Integer escalateToStep;

    public ApprovalStep() {
    }

    public ApprovalStep(String name, ApproverKind approverKind, String approvers) {
        this.name = name;
        this.approverKind = approverKind;
        this.approvers = approvers;
    }

    /** The logins or role named by {@link #getApprovers()}, trimmed, blanks left out. */
    public List<String> approverNames() {
        return approvers == null ? List.of() : Arrays.stream(approvers.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public ApprovalDefinition getDefinition() {
        return definition;
    }

    void setDefinition(ApprovalDefinition definition) {
        this.definition = definition;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ApproverKind getApproverKind() {
        return approverKind;
    }

    public void setApproverKind(ApproverKind approverKind) {
        this.approverKind = approverKind;
    }

    public String getApprovers() {
        return approvers;
    }

    public void setApprovers(String approvers) {
        this.approvers = approvers;
    }

    public boolean isAllRequired() {
        return allRequired;
    }

    public ApprovalStep setAllRequired(boolean allRequired) {
        this.allRequired = allRequired;
        return this;
    }

    public int getSlaHours() {
        return slaHours;
    }

    public ApprovalStep setSlaHours(int slaHours) {
        this.slaHours = slaHours;
        return this;
    }

    public Integer getEscalateToStep() {
        return escalateToStep;
    }

    public ApprovalStep setEscalateToStep(Integer escalateToStep) {
        this.escalateToStep = escalateToStep;
        return this;
    }
}
