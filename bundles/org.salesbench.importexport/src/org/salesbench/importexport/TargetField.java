package org.salesbench.importexport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An importable field of a target.
 *
 * @param name         the stable name used in mappings, e.g. {@code creditCode}
 * @param label        what a person reads, in the current language
 * @param type         how text becomes a value
 * @param required     whether a row without it fails
 * @param picklist     the allowed values of a {@link FieldType#PICKLIST} field (stored form), else empty
 * @param aliases      header texts that map to this field automatically: English and Chinese labels and the
 *                     column names of Salesforce and Zoho exports (compared ignoring case, spaces and punctuation)
 * @param valueAliases values other systems write for a picklist value (e.g. Salesforce's stage "Negotiation/Review"
 *                     for {@code Negotiation}), compared ignoring case and surrounding spaces; a value the user maps
 *                     ({@link ValueMapping}) comes first, a value of the picklist itself next, these last
 */
public record TargetField(String name, String label, FieldType type, boolean required, List<String> picklist, List<String> aliases,
        Map<String, String> valueAliases) {

    public TargetField {
        picklist = List.copyOf(picklist);
        aliases = List.copyOf(aliases);
        valueAliases = Collections.unmodifiableMap(new LinkedHashMap<>(valueAliases));
    }

    public TargetField(String name, String label, FieldType type, boolean required, List<String> picklist, List<String> aliases) {
        this(name, label, type, required, picklist, aliases, Map.of());
    }

    public static TargetField of(String name, String label, FieldType type, boolean required, String... aliases) {
        return new TargetField(name, label, type, required, List.of(), List.of(aliases));
    }

    public TargetField withPicklist(List<String> values) {
        return new TargetField(name, label, type, required, values, aliases, valueAliases);
    }

    /** A copy that also reads the values of other systems: {@code from, to, from, to, …}. */
    public TargetField withValueAliases(String... fromTo) {
        if (fromTo.length % 2 != 0) {
            throw new IllegalArgumentException("value aliases come in pairs: " + List.of(fromTo));
        }
        Map<String, String> copy = new LinkedHashMap<>(valueAliases);
        for (int i = 0; i < fromTo.length; i += 2) {
            copy.put(fromTo[i], fromTo[i + 1]);
        }
        return new TargetField(name, label, type, required, picklist, aliases, copy);
    }

    /** The picklist value another system's {@code value} stands for, or {@code null}. */
    public String valueAlias(String value) {
        if (value == null) {
            return null;
        }
        String key = value.strip();
        for (Map.Entry<String, String> e : valueAliases.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }
}
