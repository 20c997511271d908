package org.salesbench.workflow.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.salesbench.core.validation.Decimals;

/** The type of a field a rule can test or set; it decides which comparisons apply and how a typed value is read. */
public enum FieldType {
    TEXT, NUMBER, DATE, BOOLEAN;

    /** The type's name as people read it, in the user's language. */
    public String label() {
        return org.salesbench.workflow.internal.rules.Messages.typeName(this);
    }

    /**
     * Reads a value typed in a rule (a condition's operand, an action's value).
     *
     * @throws IllegalArgumentException if {@code text} is no value of this type
     */
    public Object parse(String text) {
        String t = text == null ? "" : text.trim();
        try {
            return switch (this) {
            case TEXT -> text;
            case NUMBER -> Decimals.parse(t);
            case DATE -> LocalDate.parse(t);
            case BOOLEAN -> {
                if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException(t);
                }
                yield Boolean.valueOf(t);
            }
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(t, e);
        }
    }

    /**
     * The text form of a record's value ({@code String}, {@code BigDecimal}, {@code LocalDate}, {@code Boolean}) that
     * {@link #parse} reads back; {@code null} stays {@code null}. Equal values have equal text forms.
     */
    public static String format(Object value) {
        if (value instanceof BigDecimal number) {
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        }
        return value == null ? null : value.toString();
    }

    /** Whether {@code text} reads as a value of this type. */
    public boolean accepts(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
