package org.salesbench.importexport;

import java.util.List;

/**
 * How rows are matched with existing records: on the given key fields (tried in order; the first key
 * with a value in the row decides), and what to do on a match.
 */
public record MatchPolicy(List<String> keys, OnMatch onMatch) {

    public enum OnMatch {
        /** leave the existing record alone and count the row as skipped */
        SKIP,
        /** write the row's mapped fields onto the existing record */
        UPDATE,
        /** create a new record anyway */
        CREATE
    }

    public static final MatchPolicy NONE = new MatchPolicy(List.of(), OnMatch.CREATE);

    public MatchPolicy {
        keys = List.copyOf(keys);
    }
}
