/**
 * Reminders: rules contributed through {@code org.salesbench.workflow.reminderRules} ({@link ReminderRule}) find the
 * occurrences due by queries, and the {@link ReminderEngine} turns each into a task once
 * ({@link org.salesbench.workflow.TaskService#createOnce}). Each rule is switched on or off, and its number of days set,
 * in the preferences of {@code org.salesbench.workflow} (instance scope): {@code reminder.<rule id>.enabled} and
 * {@code reminder.<rule id>.days}.
 * <p>
 * Published for reporting: {@code SB_REMINDER_RUN} (RULE_ID, STARTED_AT, MILLIS, OCCURRENCES, TASKS_MADE, ERROR, RUN_BY), one row a
 * rule a run.
 */
package org.salesbench.workflow.reminders;
