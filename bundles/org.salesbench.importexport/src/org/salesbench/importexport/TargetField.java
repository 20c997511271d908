package org.salesbench.importexport;

import java.util.List;

/**
 * An importable field of a target.
 *
 * @param name     the stable name used in mappings, e.g. {@code creditCode}
 * @param label    what a person reads, in the current language
 * @param type     how text becomes a value
 * @param required whether a row without it fails
 * @param picklist the allowed values of a {@link FieldType#PICKLIST} field (stored form), else empty
 * @param aliases  header texts that map to this field automatically: English and Chinese labels and the
 *                 column names of Salesforce and Zoho exports (compared ignoring case, spaces and punctuation)
 */
public record TargetField(String name, String label, FieldType type, boolean required, List<String> picklist, List<String> aliases) {

    public TargetField {
        picklist = List.copyOf(picklist);
        aliases = List.copyOf(aliases);
    }

    public static TargetField of(String name, String label, FieldType type, boolean required, String... aliases) {
        return new TargetField(name, label, type, required, List.of(), List.of(aliases));
    }

    public TargetField withPicklist(List<String> values) {
        return new TargetField(name, label, type, required, values, aliases);
    }
}
