package org.salesbench.workflow.reminders;

import java.time.Instant;
import java.util.Objects;

import org.salesbench.workflow.RecordRef;

/**
 * One thing a reminder rule found due: the task it becomes.
 *
 * @param record        the record it is about
 * @param assignee      who must act: usually the record's owner
 * @param title         the task's title, as the assignee reads it
 * @param dueAt         when it is due
 * @param occurrenceKey what makes it this occurrence and no other, e.g. {@code customer:42:2026-12-04} for a follow-up
 *                      date; the engine prefixes the rule's id. The same occurrence must give the same key on every
 *                      run, and a new occurrence (a new follow-up date) a new one.
 */
public record ReminderOccurrence(RecordRef record, String assignee, String title, Instant dueAt, String occurrenceKey) {

    public ReminderOccurrence {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(occurrenceKey, "occurrenceKey");
    }
}
