/**
 * The workflow module's API: tasks and reminders, the standard process with its steps, approvals and automation rules
 * (sub-packages), for every record of every module. A task is about any record, named by a {@link RecordRef}
 * (entity type and id).
 * <p>
 * Published for reporting: the table {@code SB_TASK} (one row a task; {@code OWNER} is the assignee, {@code STATUS}
 * one of {@link TaskStatus}, {@code DUE_AT} the deadline) is stable; other modules may read it, never write it.
 */
package org.salesbench.workflow;
