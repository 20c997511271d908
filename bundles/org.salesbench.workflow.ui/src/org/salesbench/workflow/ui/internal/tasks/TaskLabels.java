package org.salesbench.workflow.ui.internal.tasks;

import org.salesbench.workflow.TaskPriority;
import org.salesbench.workflow.TaskStatus;

/** The shown names of task priorities, states and the kinds of record a task is about. */
final class TaskLabels {

    private TaskLabels() {
    }

    static String of(TaskPriority priority) {
        return priority == null ? "" : switch (priority) {
            case LOW -> Messages.Priority_LOW;
            case NORMAL -> Messages.Priority_NORMAL;
            case HIGH -> Messages.Priority_HIGH;
            case URGENT -> Messages.Priority_URGENT;
        };
    }

    static String of(TaskStatus status) {
        return status == null ? "" : switch (status) {
            case OPEN -> Messages.Status_OPEN;
            case DONE -> Messages.Status_DONE;
            case CANCELLED -> Messages.Status_CANCELLED;
        };
    }

    /** The kind of record, e.g. "Customer"; an entity name no module here knows shows as itself. */
    static String entity(String entity) {
        return switch (entity) {
            case "customer" -> Messages.Entity_customer;
            case "opportunity" -> Messages.Entity_opportunity;
            case "lead" -> Messages.Entity_lead;
            case "quote" -> Messages.Entity_quote;
            default -> entity;
        };
    }
}
