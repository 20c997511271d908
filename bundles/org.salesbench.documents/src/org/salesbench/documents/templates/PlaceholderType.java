package org.salesbench.documents.templates;

/** What a placeholder stands for, which says how its value is written. */
public enum PlaceholderType {
    /** Text as given. */
    TEXT,
    /** A {@link org.salesbench.core.model.Money}, written in figures (¥12,000.00); {@code name.capital} gives its capital numerals. */
    MONEY,
    /** A {@link java.time.LocalDate}, written yyyy-MM-dd. */
    DATE,
    /** A number, written as given without trailing zeros. */
    NUMBER,
    /** Rows repeated by a section {@code {{#name}}…{{/name}}} (line items, a payment plan); each row has the section's columns. */
    SECTION;

    /** The attribute value in the extension point: the name in lower case. */
    public static PlaceholderType parse(String value) {
        for (PlaceholderType type : values()) {
            if (type.name().equalsIgnoreCase(value.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown placeholder type '" + value + "'");
    }
}
