package org.salesbench.workflow.rules;

import org.salesbench.workflow.RecordRef;

/**
 * The seam through which the "start approval" action asks the approvals engine to open an approval: the approvals part
 * registers a DS service implementing it. Until one runs, the action fails (and is logged) naming what is missing.
 */
public interface ApprovalStarter {

    /**
     * Starts an approval of {@code record} under the approval definition {@code definition} (its id or name), or, when
     * {@code definition} is null, under the active definition whose condition the record meets.
     *
     * @throws RuntimeException with a message naming the problem, e.g. an unknown definition
     */
    void start(String definition, RecordRef record);
}
