package org.salesbench.customers;

import java.util.Map;

/**
 * What a merge did: {@code moved} counts the records that moved to the survivor, by kind ({@code contact},
 * {@code activity}, then each participant's entities), in the order they moved.
 */
public record MergeResult(long keptId, long mergedId, Map<String, Integer> moved) {
}
