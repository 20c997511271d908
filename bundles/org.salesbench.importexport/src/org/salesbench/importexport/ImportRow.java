package org.salesbench.importexport;

import java.util.Map;

/**
 * A row converted to field values: texts, {@link java.math.BigDecimal}, {@link java.time.LocalDate},
 * {@link Boolean} or {@link java.util.List} of texts by the field's {@link FieldType}. A field the file
 * does not map is absent; a mapped but empty cell is present with {@code null}, so an update can tell
 * "leave as is" from "clear".
 */
public record ImportRow(long number, Map<String, Object> values) {

    public boolean has(String field) {
        return values.containsKey(field);
    }

    public Object get(String field) {
        return values.get(field);
    }

    public String text(String field) {
        Object value = values.get(field);
        return value == null ? null : value.toString();
    }
}
