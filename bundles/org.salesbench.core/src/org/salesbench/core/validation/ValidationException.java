package org.salesbench.core.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by a service when input is refused; nothing has been written when it is thrown. */
public class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> getErrors() {
        return errors;
    }

    /** The first error of a field, or {@code null}. */
    public FieldError errorOf(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
    }
}
