package org.salesbench.workflow;

import java.time.Instant;
import java.util.Set;

/**
 * Which tasks a list shows. Every part is optional (null or empty: no restriction).
 *
 * @param assignee  only this person's tasks
 * @param statuses  only tasks in one of these states
 * @param dueBefore only tasks due before this time (with {@code OPEN}: the overdue ones at that time)
 * @param dueFrom   only tasks due at or after this time
 * @param related   only tasks about this record
 * @param text      words the title must contain (case-insensitive)
 */
public record TaskFilter(String assignee, Set<TaskStatus> statuses, Instant dueFrom, Instant dueBefore, RecordRef related, String text) {

    public static TaskFilter all() {
        return new TaskFilter(null, Set.of(), null, null, null, null);
    }

    public static TaskFilter openOf(String assignee) {
        return new TaskFilter(assignee, Set.of(TaskStatus.OPEN), null, null, null, null);
    }

    public static TaskFilter about(RecordRef related) {
        return new TaskFilter(null, Set.of(), null, null, related, null);
    }

    public TaskFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
