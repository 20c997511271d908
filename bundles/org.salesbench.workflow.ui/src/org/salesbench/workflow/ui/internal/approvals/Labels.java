package org.salesbench.workflow.ui.internal.approvals;

import org.salesbench.workflow.approvals.ApprovalHistoryEntry;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalStatus;

/** How approval requests and their history read in the views. */
final class Labels {

    private Labels() {
    }

    static String record(ApprovalRequest request) {
        String label = request.getRecordLabel() == null ? "#" + request.getRecordId() : request.getRecordLabel();
        return entity(request.getEntityType()) + " " + label;
    }

    static String entity(String entityType) {
        return "quote".equals(entityType) ? Messages.Entity_quote : entityType;
    }

    static String status(ApprovalStatus status) {
        return switch (status) {
            case PENDING -> Messages.Status_PENDING;
            case APPROVED -> Messages.Status_APPROVED;
            case REJECTED -> Messages.Status_REJECTED;
            case RECALLED -> Messages.Status_RECALLED;
        };
    }

    static String action(ApprovalHistoryEntry entry) {
        String action = switch (entry.getAction()) {
            case SUBMITTED -> Messages.Action_SUBMITTED;
            case APPROVED -> Messages.Action_APPROVED;
            case REJECTED -> Messages.Action_REJECTED;
            case DELEGATED -> Messages.Action_DELEGATED;
            case RECALLED -> Messages.Action_RECALLED;
            case ESCALATED -> Messages.Action_ESCALATED;
        };
        return entry.getTarget() == null || entry.getTarget().isBlank() ? action : action + " → " + entry.getTarget();
    }
}
