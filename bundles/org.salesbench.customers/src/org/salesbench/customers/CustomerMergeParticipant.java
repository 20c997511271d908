package org.salesbench.customers;

import java.util.List;
import java.util.Map;

/**
 * A module whose records belong to a customer moves them when two customers are merged ({@link CustomerMerge}), and
 * moves them back when the merge is undone: an OSGi service of that module, which changes only its own tables, through
 * its own unit of work. It is called inside the merge's (or the undo's) transaction (a {@code UnitOfWork.write} joins
 * it), so if it throws, nothing of the merge or the undo is written.
 */
public interface CustomerMergeParticipant {

    /**
     * Moves the module's records of customer {@code fromId} (those not in the recycle bin) to customer {@code intoId}.
     *
     * @return the ids of the records that moved, by entity name ({@code opportunity}, {@code lead} …), which the merge
     *         counts and keeps for its undo; a key with a {@code /} ({@code lead/duplicate}) is kept for the undo but
     *         not counted (another link of records counted under another key)
     */
    Map<String, List<Long>> moveCustomer(long fromId, long intoId);

    /**
     * Undoes {@link #moveCustomer}: moves the records it returned ({@code moved}, which may hold other modules' keys
     * too: a participant reads only its own) from customer {@code intoId} back to customer {@code fromId}.
     *
     * @return how many records of each kind moved back
     * @throws org.salesbench.core.validation.ValidationException naming a record that is no longer {@code intoId}'s
     *                                                            (moved again, deleted), so the undo changes nothing
     */
    default Map<String, Integer> moveBack(long fromId, long intoId, Map<String, List<Long>> moved) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot undo a customer merge");
    }
}
