package org.salesbench.customers;

import java.util.List;
import java.util.Set;

/**
 * Duplicates that moving in creates, for one kind of record ({@link #entity()}: customers, contacts, leads …): finding
 * likely duplicates, merging records into the one kept, and undoing a merge. An OSGi service of the module that owns
 * the records; {@link RecordMerges} finds it by entity name. Every method checks the current user's permission.
 */
public interface RecordMerge {

    /** The entity merged: {@code customer}, {@code contact}, {@code lead}. */
    String entity();

    /** The fields a merge can take from the merged record ({@code --take} on the command line). */
    List<String> fields();

    /**
     * Groups of records (not in the recycle bin) that are likely the same, strongest reason first, at most
     * {@code limit}; one query or one pass per reason, never a comparison of every pair.
     */
    List<DuplicateGroup> duplicates(int limit);

    /**
     * Merges {@code otherId} into {@code keepId} in one transaction: the survivor keeps its own field values except
     * those named in {@code takeFromOther} (and takes the other's where its own is empty); the other's children move to
     * it (through each module's {@link RecordMergeParticipant} too); the other goes to the recycle bin; the audit trail
     * records the merge, and what its undo needs is kept under {@link MergeResult#mergeId()}.
     *
     * @param keepVersion  the survivor's version the user saw, {@code null} for no check
     * @param otherVersion the other's version the user saw, {@code null} for no check
     * @throws org.salesbench.core.validation.ValidationException naming what is wrong
     * @throws org.salesbench.persistence.ConcurrentChangeException when either changed since the user saw it
     */
    MergeResult merge(long keepId, long otherId, Set<String> takeFromOther, Long keepVersion, Long otherVersion);

    /**
     * Merges every record of {@code otherIds} into {@code keepId}, in that order, in one transaction: if one merge is
     * refused, none is written. {@code seenVersions}, when not {@code null}, holds the survivor's version then each
     * other's, as the user saw them; the survivor's is checked before the first merge only (each merge changes it).
     *
     * @return one result per merged record, in order (each with its own merge id, undone one by one, last first)
     */
    default List<MergeResult> mergeAll(long keepId, List<Long> otherIds, Set<String> takeFromOther, List<Long> seenVersions) {
        return mergeEach(keepId, otherIds, java.util.Collections.nCopies(otherIds.size(), takeFromOther == null ? Set.of() : takeFromOther),
                seenVersions);
    }

    /**
     * {@link #mergeAll} with the fields taken from each merged record apart: {@code takes.get(i)} names those the survivor
     * takes from {@code otherIds.get(i)} (what the merge dialog's choice per field makes, through {@link #takes}). One
     * transaction, the same checks.
     */
    List<MergeResult> mergeEach(long keepId, List<Long> otherIds, List<Set<String>> takes, List<Long> seenVersions);

    /**
     * What each merge of {@link #mergeEach} takes so that every field of {@code chosen} (field → the id of the record
     * whose value is to survive: the survivor's or one of {@code otherIds}) ends with that record's value; a field not
     * named keeps the survivor's own (an empty one takes a merged record's value all the same).
     *
     * @throws IllegalArgumentException naming a field chosen from a record that is not merged
     */
    static List<Set<String>> takes(long keepId, List<Long> otherIds, java.util.Map<String, Long> chosen) {
        List<Set<String>> takes = new java.util.ArrayList<>();
        otherIds.forEach(id -> takes.add(new java.util.LinkedHashSet<>()));
        chosen.forEach((field, id) -> {
            int index = otherIds.indexOf(id);
            if (index >= 0) {
                takes.get(index).add(field);
            } else if (id == null || id != keepId) {
                throw new IllegalArgumentException(field + ": " + id);
            }
        });
        return takes;
    }

    /**
     * The values of record {@code id}'s {@link #fields()}, as the merge dialog shows them side by side (in the user's
     * language, blank for none), by field; empty when the kind shows none.
     */
    default java.util.Map<String, String> shown(long id) {
        return java.util.Map.of();
    }

    /** The name of a field of {@link #fields()} in the user's language. */
    default String fieldLabel(String field) {
        return field;
    }

    /**
     * Undoes merge {@code mergeId} of this kind in one transaction: the merged record comes back from the recycle bin,
     * the survivor gets back its values of before, and every record that moved moves back. Refused, changing nothing,
     * when either changed since the merge, a moved record is no longer the survivor's, or it was undone already.
     *
     * @throws org.salesbench.core.validation.ValidationException naming what changed since (or an unknown merge)
     */
    MergeResult unmerge(long mergeId);

    /**
     * Undoes the merges {@code mergeIds} of this kind (those {@link #mergeAll} made, in its order), the last first, in
     * one transaction: if one is refused, none is undone.
     *
     * @return one result per merge undone, in the order undone
     */
    List<MergeResult> unmergeAll(List<Long> mergeIds);
}
