package org.salesbench.workflow;

/** Where a task stands. Overdue is not a status: it is an open task past its due time (see {@link Task#isOverdue}). */
public enum TaskStatus {
    OPEN,
    DONE,
    CANCELLED
}
