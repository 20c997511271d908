package org.salesbench.workflow.approvals;

/** What happened to a request, as its history records it. */
public enum ApprovalAction {
    SUBMITTED, APPROVED, REJECTED, DELEGATED, RECALLED, ESCALATED
}
