package org.salesbench.workflow.approvals;

import java.util.Map;

/**
 * A record as an approval subject reads it: a label a person recognises, its owner (whose manager may approve) and the
 * values of the subject's condition fields ({@link java.math.BigDecimal} for numbers, {@link String} for text).
 */
public record SubjectRecord(String label, String owner, Map<String, Object> values) {

    public SubjectRecord {
        values = Map.copyOf(values);
    }
}
