package org.salesbench.core.validation;

/**
 * One refused value: which field, a localised message, and the value that was refused.
 */
public record FieldError(String field, String message, Object value) {
}
