package org.salesbench.importexport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which file column (by header text) goes to which target field. Made automatically from the
 * header, edited by the user, saved under a name for the next file of the same shape.
 */
public record ColumnMapping(Map<String, String> fieldByHeader) {

    public ColumnMapping {
        fieldByHeader = Collections.unmodifiableMap(new LinkedHashMap<>(fieldByHeader));
    }

    public String fieldOf(String header) {
        return fieldByHeader.get(header);
    }

    /** A copy with {@code header} mapped to {@code field} ({@code null} leaves the column out). */
    public ColumnMapping with(String header, String field) {
        Map<String, String> copy = new LinkedHashMap<>(fieldByHeader);
        if (field == null) {
            copy.remove(header);
        } else {
            copy.put(header, field);
        }
        return new ColumnMapping(copy);
    }
}
