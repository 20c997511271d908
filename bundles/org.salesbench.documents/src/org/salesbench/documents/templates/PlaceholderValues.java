package org.salesbench.documents.templates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.salesbench.core.model.Money;

/**
 * The values of placeholders for one record, or for one row of a section. The engine writes them: money in figures
 * and, as {@code name.capital}, in capital numerals; dates yyyy-MM-dd. A {@code null} value leaves the placeholder empty.
 */
public final class PlaceholderValues {

    private final Map<String, Object> values = new LinkedHashMap<>();

    public PlaceholderValues text(String name, String value) {
        return put(name, value);
    }

    public PlaceholderValues money(String name, Money value) {
        return put(name, value);
    }

    public PlaceholderValues date(String name, LocalDate value) {
        return put(name, value);
    }

    public PlaceholderValues number(String name, BigDecimal value) {
        return put(name, value);
    }

    /** The rows of a section, in order. */
    public PlaceholderValues rows(String name, List<PlaceholderValues> rows) {
        return put(name, rows == null ? null : Collections.unmodifiableList(new ArrayList<>(rows)));
    }

    /** Adds every value of {@code other}; a name given twice keeps the later value. */
    public PlaceholderValues putAll(PlaceholderValues other) {
        values.putAll(other.values);
        return this;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The values by name: String, Money, LocalDate, BigDecimal, or a List of PlaceholderValues for a section. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    private PlaceholderValues put(String name, Object value) {
        values.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }
}
