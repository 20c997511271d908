package org.salesbench.customers;

import java.util.List;
import java.util.Map;

/**
 * Where a {@link RecordMerge} of another module (leads) keeps what the undo of a merge needs, beside the customers' and
 * contacts' merges: one log of merges ({@code SB_CUSTOMER_MERGE}, by entity) with one numbering, which the audit
 * trail's entries name. An OSGi service of the customers module; its methods join the caller's transaction.
 */
public interface MergeLog {

    /**
     * What a merge recorded: the records and the survivor's versions before and right after it, the merged record's
     * right after it, the survivor's values of before ({@code before}, by field; absent when empty) and the ids of the
     * records that moved, by kind.
     */
    record Entry(long id, String entity, long keepId, long mergedId, long keepBefore, long keepVersion, long mergedVersion, Map<String, String> before,
            Map<String, List<Long>> moved) {
    }

    /**
     * Keeps a merge of records of {@code entity} ({@link Entry#id()} is ignored), owned by {@code owner}, and records
     * it in the audit trail on the survivor: {@code details} makes the entry's text from the merge's id.
     *
     * @return the merge's id
     */
    long save(Entry entry, String owner, java.util.function.LongFunction<String> details);

    /**
     * The merge {@code mergeId} of records of {@code entity}, to undo.
     *
     * @throws org.salesbench.core.validation.ValidationException when there is no such merge, it merged another kind
     *                                                            of record, or it was undone already
     */
    Entry toUndo(String entity, long mergeId);

    /**
     * Whether the survivor of merge {@code mergeId}, now at version {@code current}, is as the merge left it (or as
     * the undo of a later merge into it, made from there, left it).
     */
    boolean keepUnchanged(long mergeId, long current);

    /**
     * Records that merge {@code mergeId} was undone, leaving the survivor at {@code keepVersion}, and the undo in the
     * audit trail on the survivor ({@code keepDetails}) and on the merged record ({@code mergedDetails}).
     */
    void undone(long mergeId, long keepVersion, String keepDetails, String mergedDetails);
}
