package org.salesbench.workflow.process;

import java.time.Instant;

/**
 * A record in a process step, as the board lists it.
 *
 * @param opportunityId the opportunity
 * @param name          its name
 * @param owner         its owner's login
 * @param enteredAt     when it entered the step's stage
 * @param days          days in the step so far
 * @param overdue       whether it is past the step's SLA
 */
public record StepRecord(long opportunityId, String name, String owner, Instant enteredAt, double days, boolean overdue) {
}
