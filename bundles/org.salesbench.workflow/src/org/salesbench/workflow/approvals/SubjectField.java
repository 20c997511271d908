package org.salesbench.workflow.approvals;

import java.util.Objects;

/** A field of an approval subject that a definition's condition may use, with its type. */
public record SubjectField(String name, Type type) {

    /** A number compares numerically (a percentage, an amount in the record's currency); text compares as text. */
    public enum Type {
        NUMBER, TEXT
    }

    public SubjectField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
