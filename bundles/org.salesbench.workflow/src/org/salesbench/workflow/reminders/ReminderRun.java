package org.salesbench.workflow.reminders;

import java.time.Instant;

/**
 * What one rule did in one run of the engine.
 *
 * @param ruleId   the rule's id
 * @param label    the rule's name
 * @param startedAt when its evaluation began
 * @param millis   how long it took (queries and inserts)
 * @param found    occurrences due
 * @param made     tasks made (the others had their task already, or belong to people the user may not give tasks to)
 * @param error    why the rule failed, or null
 */
public record ReminderRun(String ruleId, String label, Instant startedAt, long millis, int found, int made, String error) {
}
