package org.salesbench.workflow.rules;

import java.util.Map;

import org.salesbench.workflow.RecordRef;

/**
 * What a rule is evaluated against: a record, how it came to be looked at, and its values.
 *
 * @param before its values as the rule engine last saw them, or {@code null} when it has not seen the record before
 * @param after  its values now
 */
public record RecordChange(RecordRef record, Kind kind, Map<String, Object> before, Map<String, Object> after) {

    public enum Kind {
        CREATED, UPDATED,
        /** A scheduled rule's run. */
        SCHEDULED,
        /** Run by hand against one record ({@code rules run ID --record}). */
        MANUAL
    }
}
