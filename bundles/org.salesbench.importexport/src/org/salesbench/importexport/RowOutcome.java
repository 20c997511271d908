package org.salesbench.importexport;

import java.util.List;

import org.salesbench.core.validation.FieldError;

/** What became of one row. Errors name the target's field (see {@link TargetField#name()}). */
public record RowOutcome(Kind kind, long id, List<FieldError> errors) {

    public enum Kind {
        CREATED, UPDATED, SKIPPED, FAILED
    }

    public static RowOutcome created(long id) {
        return new RowOutcome(Kind.CREATED, id, List.of());
    }

    public static RowOutcome updated(long id) {
        return new RowOutcome(Kind.UPDATED, id, List.of());
    }

    public static RowOutcome skipped(long id) {
        return new RowOutcome(Kind.SKIPPED, id, List.of());
    }

    public static RowOutcome failed(List<FieldError> errors) {
        return new RowOutcome(Kind.FAILED, 0, List.copyOf(errors));
    }
}
