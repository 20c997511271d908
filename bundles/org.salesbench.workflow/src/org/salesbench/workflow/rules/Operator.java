package org.salesbench.workflow.rules;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/** How a condition compares a field with its value. */
public enum Operator {
    EQUALS, NOT_EQUALS, GREATER_THAN, AT_LEAST, LESS_THAN, AT_MOST, CONTAINS, IS_EMPTY, IS_NOT_EMPTY;

    /** The comparison as people read it, in the user's language. */
    public String label() {
        return org.salesbench.workflow.internal.rules.Messages.operatorLabel(this);
    }

    /** Whether this comparison means something for fields of {@code type}. */
    public boolean appliesTo(FieldType type) {
        return switch (this) {
        case EQUALS, NOT_EQUALS, IS_EMPTY, IS_NOT_EMPTY -> true;
        case GREATER_THAN, AT_LEAST, LESS_THAN, AT_MOST -> type == FieldType.NUMBER || type == FieldType.DATE;
        case CONTAINS -> type == FieldType.TEXT;
        };
    }

    /** Whether the condition needs a value to compare with. */
    public boolean needsValue() {
        return this != IS_EMPTY && this != IS_NOT_EMPTY;
    }

    /**
     * Compares a record's value (as {@link RuleRecords#read} gives it) with an operand already parsed to the field's
     * type. Text compares ignoring case; an empty value is never greater, smaller or equal to anything.
     */
    public boolean test(Object actual, Object operand) {
        boolean empty = actual == null || actual instanceof String s && s.isBlank();
        return switch (this) {
        case IS_EMPTY -> empty;
        case IS_NOT_EMPTY -> !empty;
        case EQUALS -> !empty && same(actual, operand);
        case NOT_EQUALS -> empty || !same(actual, operand);
        case CONTAINS -> !empty && actual.toString().toLowerCase(Locale.ROOT).contains(operand.toString().toLowerCase(Locale.ROOT));
        case GREATER_THAN -> !empty && compare(actual, operand) > 0;
        case AT_LEAST -> !empty && compare(actual, operand) >= 0;
        case LESS_THAN -> !empty && compare(actual, operand) < 0;
        case AT_MOST -> !empty && compare(actual, operand) <= 0;
        };
    }

    private static boolean same(Object actual, Object operand) {
        if (actual instanceof BigDecimal a && operand instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        if (actual instanceof String a && operand instanceof String b) {
            return a.trim().equalsIgnoreCase(b.trim());
        }
        return Objects.equals(actual, operand);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static int compare(Object actual, Object operand) {
        return ((Comparable) actual).compareTo(operand);
    }
}
