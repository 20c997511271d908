package org.salesbench.persistence;

import java.util.Collection;
import java.util.Collections;

import jakarta.persistence.Query;

/** A list of values in native SQL: {@code WHERE OWNER IN (?, ?, ?)} with each value a bound parameter, never spliced in. */
public final class SqlParameters {

    private SqlParameters() {
    }

    /** {@code " IN (?, ?, …)"} for {@code size} values (at least one). */
    public static String in(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("IN () needs a value");
        }
        return " IN (" + String.join(", ", Collections.nCopies(size, "?")) + ")";
    }

    /** Binds the values to the positional parameters 1, 2, … of a native query, in their order; returns the query. */
    public static Query bind(Query query, Collection<?> values) {
        int position = 1;
        for (Object value : values) {
            query.setParameter(position++, value);
        }
        return query;
    }
}
