package org.salesbench.customers;

import java.util.List;
import java.util.Set;

/**
 * Duplicates that moving in creates: finding likely duplicate customers among all of them, and merging two into one.
 * An OSGi service of the customers module; every method checks the current user's permission.
 */
public interface CustomerMerge extends RecordMerge {

    /** The fields {@link #merge} can take from the merged customer ({@code --take} on the command line). */
    List<String> FIELDS = List.of("name", "shortName", "creditCode", "industry", "region", "address", "size", "grade", "source", "status",
            "nextFollowUp", "needs", "notes", "owner");

    @Override
    default String entity() {
        return Customer.ENTITY;
    }

    @Override
    default List<String> fields() {
        return FIELDS;
    }

    /**
     * Groups of customers (not in the recycle bin) that are likely the same: the same unified social credit code, the
     * same folded name, a contact's phone number (digits compared) or e-mail address (case ignored) in common. One
     * query or one pass per reason, never a comparison of every pair. Strongest reason first, at most {@code limit}
     * groups; a pair found by two reasons is listed under each.
     */
    @Override
    List<DuplicateGroup> duplicates(int limit);

    /**
     * Merges {@code otherId} into {@code keepId} in one transaction: the survivor keeps its own field values except
     * those named in {@code takeFromOther} (and takes the other's where its own is empty), gains the other's tags;
     * the other's contacts and activities move to it, and every module's records of the other customer move through
     * its {@link CustomerMergeParticipant}; the other goes to the recycle bin; the audit trail records the merge.
     *
     * @param keepVersion  the survivor's version the user saw, {@code null} for no check
     * @param otherVersion the other's version the user saw, {@code null} for no check
     * @throws org.salesbench.core.validation.ValidationException naming what is wrong (the same customer twice, a
     *                                                            missing or deleted one, an unknown field)
     * @throws org.salesbench.persistence.ConcurrentChangeException when either changed since the user saw it
     */
    @Override
    MergeResult merge(long keepId, long otherId, Set<String> takeFromOther, Long keepVersion, Long otherVersion);

    /**
     * Undoes merge {@code mergeId} ({@link MergeResult#mergeId()}, named in the audit trail) in one transaction, from
     * what the merge recorded: the merged customer comes back from the recycle bin, the survivor gets back its field
     * values and tags of before the merge, and every record that moved (contacts, activities, each participant's)
     * moves back to the merged customer. Refused, changing nothing, when the survivor or the merged customer changed
     * since the merge, a moved record is no longer the survivor's, or the merge was undone already.
     *
     * @return what moved back, by kind
     * @throws org.salesbench.core.validation.ValidationException naming what changed since (or an unknown merge)
     */
    @Override
    MergeResult unmerge(long mergeId);
}
