package org.salesbench.documents.templates;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A name a template may use ({@code {{customer.name}}}), what it stands for and a label for the template editor.
 * A {@link PlaceholderType#SECTION} has the columns its rows carry; other placeholders have none.
 */
public record Placeholder(String name, PlaceholderType type, String label, List<Placeholder> columns) {

    /** The suffix that says a money placeholder in capital numerals: {@code {{amount.capital}}}. */
    public static final String CAPITAL_SUFFIX = ".capital";

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");

    public Placeholder {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("placeholder name '" + name + "' is not letters, digits and _ in parts joined by dots");
        }
        if (name.endsWith(CAPITAL_SUFFIX)) {
            throw new IllegalArgumentException("placeholder name '" + name + "' ends with " + CAPITAL_SUFFIX
                    + ", which the engine adds to every money placeholder");
        }
        label = label == null || label.isBlank() ? name : label;
        columns = List.copyOf(columns == null ? List.of() : columns);
        if (type != PlaceholderType.SECTION && !columns.isEmpty()) {
            throw new IllegalArgumentException("placeholder '" + name + "' is not a section but has columns");
        }
    }

    public static Placeholder of(String name, PlaceholderType type, String label) {
        return new Placeholder(name, type, label, List.of());
    }

    public static Placeholder section(String name, String label, List<Placeholder> columns) {
        return new Placeholder(name, PlaceholderType.SECTION, label, columns);
    }
}
