package org.salesbench.importexport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the file's values are read: picklist values of the file mapped to the target's values, per field (e.g. the
 * status "Customer" of a Salesforce export to ACTIVE; compared ignoring case and surrounding spaces), and the file's
 * locale, which says how it writes numbers ({@code 1.234,56} in German) and dates ({@code 03/04/2026} is 3 April in
 * French, 4 March in American English). Without a locale each number and date column is read by what all its values
 * show, and a value they leave ambiguous is a row error.
 *
 * @param locale the file's locale, or {@code null} to detect per column
 */
public record ValueMapping(Map<String, Map<String, String>> byField, Locale locale) {

    public static final ValueMapping NONE = new ValueMapping(Map.of());

    public ValueMapping {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        byField.forEach((field, values) -> copy.put(field, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        byField = Collections.unmodifiableMap(copy);
    }

    public ValueMapping(Map<String, Map<String, String>> byField) {
        this(byField, null);
    }

    public ValueMapping with(String field, String from, String to) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>(byField);
        Map<String, String> values = new LinkedHashMap<>(copy.getOrDefault(field, Map.of()));
        values.put(from, to);
        copy.put(field, values);
        return new ValueMapping(copy, locale);
    }

    /** The same mapping for a file of this locale ({@code null}: detect per column). */
    public ValueMapping withLocale(Locale fileLocale) {
        return new ValueMapping(byField, fileLocale);
    }

    /**
     * The value an empty cell (or a field the file does not have) takes, mapped from the empty text:
     * {@code --values lossReason:=No reason recorded}; {@code null} if none.
     */
    public String defaultFor(String field) {
        Map<String, String> values = byField.get(field);
        if (values == null) {
            return null;
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().isBlank()) {
                return e.getValue();
            }
        }
        return null;
    }

    /** What {@code field:*=value} maps every other value to. */
    public static final String OTHERWISE = "*";

    /**
     * The value a picklist field's value takes when it is neither in the picklist nor mapped ({@code --values
     * status:*=ACTIVE}), noted per value; {@code null} if none (such a value is a row error).
     */
    public String otherwise(String field) {
        Map<String, String> values = byField.get(field);
        return values == null ? null : values.get(OTHERWISE);
    }

    /** The mapped value, or {@code null} if {@code from} is not mapped for the field. */
    public String map(String field, String from) {
        Map<String, String> values = byField.get(field);
        if (values == null || from == null) {
            return null;
        }
        String key = from.strip();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().strip().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }
}
