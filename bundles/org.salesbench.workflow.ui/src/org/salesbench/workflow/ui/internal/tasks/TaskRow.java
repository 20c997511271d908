package org.salesbench.workflow.ui.internal.tasks;

import org.salesbench.workflow.Task;

/** A task as a list shows it: with the name of the record it is about, read in the same job as the task. */
public record TaskRow(Task task, String related) {
}
