package org.salesbench.workflow.approvals;

/** Where an approval request is: waiting, or finished one of three ways. */
public enum ApprovalStatus {
    PENDING, APPROVED, REJECTED, RECALLED
}
