package org.salesbench.customers;

import java.util.List;
import java.util.Map;

/**
 * A module whose records point at a contact or a lead (or any other record a {@link RecordMerge} merges) moves them
 * when two such records are merged, and moves them back when the merge is undone: an OSGi service of that module, which
 * changes only its own tables through its own unit of work, inside the merge's transaction (so if it throws, nothing of
 * the merge is written). Customers have their own, older {@link CustomerMergeParticipant}.
 */
public interface RecordMergeParticipant {

    /**
     * Moves the module's records pointing at record {@code fromId} of {@code entity} ({@code contact}, {@code lead}) to
     * record {@code intoId}; an entity the module has nothing for returns an empty map.
     *
     * @return the ids of the records that moved, by entity name ({@code task} …), counted by the merge and kept for
     *         its undo; a key with a {@code /} is kept for the undo but not counted
     */
    Map<String, List<Long>> moveRecord(String entity, long fromId, long intoId);

    /**
     * Undoes {@link #moveRecord}: moves the records it returned ({@code moved} may hold other modules' keys: a
     * participant reads only its own) from {@code intoId} back to {@code fromId}.
     *
     * @return how many records of each kind moved back
     * @throws org.salesbench.core.validation.ValidationException naming a record that no longer points at
     *                                                            {@code intoId}, so the undo changes nothing
     */
    Map<String, Integer> moveRecordBack(String entity, long fromId, long intoId, Map<String, List<Long>> moved);
}
