package org.salesbench.customers;

import java.util.Map;

/**
 * A module whose records belong to a customer moves them when two customers are merged ({@link CustomerMerge}): an
 * OSGi service of that module, which changes only its own tables, through its own unit of work. It is called inside the
 * merge's transaction (a {@code UnitOfWork.write} joins it), so if it throws, nothing of the merge is written.
 */
public interface CustomerMergeParticipant {

    /**
     * Moves the module's records of customer {@code fromId} (those not in the recycle bin) to customer {@code intoId}.
     *
     * @return how many records of each kind moved, by entity name ({@code opportunity}, {@code lead} …)
     */
    Map<String, Integer> moveCustomer(long fromId, long intoId);
}
