package org.salesbench.customers;

import java.util.Map;

/**
 * What a merge did: {@code moved} counts the records that moved to the survivor, by kind ({@code contact},
 * {@code activity}, then each participant's entities), in the order they moved; {@code mergeId} names the merge for
 * {@link CustomerMerge#unmerge}. For an undo: the records that moved back to the merged customer.
 */
public record MergeResult(long keptId, long mergedId, Map<String, Integer> moved, long mergeId) {
}
