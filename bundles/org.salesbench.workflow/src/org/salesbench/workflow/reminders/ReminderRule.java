package org.salesbench.workflow.reminders;

import java.util.List;

/**
 * A kind of reminder: finds, by queries, the occurrences due now (a follow-up date reached, a deal idle too long, a
 * contract about to expire). The engine makes one task per occurrence, once: an occurrence found again on the next run,
 * or by another client, keeps its task. Contributed through {@code org.salesbench.workflow.reminderRules}; an
 * implementation has a public no-argument constructor, keeps no state between runs and never writes.
 */
public interface ReminderRule {

    /**
     * The occurrences due as of {@link ReminderContext#now()}: a projection of the columns needed, selected in the
     * database (never all rows loaded and filtered in Java). On a team server the queries see only what the signed-in
     * user may read, so each client makes the tasks of the records it can see.
     */
    List<ReminderOccurrence> due(ReminderContext context);
}
