package org.salesbench.opportunities.assignment;

import java.time.Instant;

/**
 * One line of the assignment log.
 *
 * @param id          its id
 * @param assignedAt  when
 * @param assignedBy  the login of the user whose action assigned it
 * @param kind        lead or opportunity
 * @param entityId    which one
 * @param strategyId  the strategy that decided (the fallback's id when the configured one could not)
 * @param assignee    the login of the new owner
 * @param explanation as users read it, e.g. "assigned to Li Wei: round robin, 3 open leads"
 */
public record AssignmentRecord(long id, Instant assignedAt, String assignedBy, AssignableKind kind, long entityId,
        String strategyId, String assignee, String explanation) {
}
