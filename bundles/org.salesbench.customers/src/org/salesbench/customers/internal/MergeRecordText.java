package org.salesbench.customers.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.salesbench.customers.Activity;
import org.salesbench.customers.Contact;
import org.salesbench.customers.CustomerStatus;

/**
 * The text a merge keeps for its undo ({@link CustomerMergeRecord#getRecord()}), as {@link Properties}: the survivor's
 * field values before the merge ({@code field.NAME}, absent when empty), its tags ({@code tag.N}) and the ids of the
 * records that moved by kind ({@code moved.KIND}, comma separated, in the order they moved).
 */
final class MergeRecordText {

    private final Properties values = new Properties();
    private final Map<String, List<Long>> moved = new LinkedHashMap<>();

    void field(String field, Object value) {
        if (value != null) {
            values.setProperty("field." + field, value instanceof Enum<?> e ? e.name() : value.toString());
        }
    }

    /** The field's value as the merge found it, typed as {@link CustomerMergeImpl}'s setters take it. */
    Object field(String field) {
        String text = values.getProperty("field." + field);
        if (text == null) {
            return null;
        }
        return switch (field) {
        case "status" -> CustomerStatus.valueOf(text);
        case "nextFollowUp" -> LocalDate.parse(text);
        default -> text;
        };
    }

    void tags(Set<String> tags) {
        int n = 0;
        for (String tag : tags) {
            values.setProperty("tag." + n++, tag);
        }
    }

    Set<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        for (int n = 0; values.getProperty("tag." + n) != null; n++) {
            tags.add(values.getProperty("tag." + n));
        }
        return tags;
    }

    /** A value kept as text under {@code key} ({@code null}: none). */
    void text(String key, String value) {
        if (value != null) {
            values.setProperty(key, value);
        }
    }

    String text(String key) {
        return values.getProperty(key);
    }

    /** A list of values ({@code key.0}, {@code key.1} …): a contact's phones or e-mails. */
    void list(String key, List<String> items) {
        int n = 0;
        for (String item : items) {
            values.setProperty(key + "." + n++, item);
        }
    }

    List<String> list(String key) {
        List<String> items = new ArrayList<>();
        for (int n = 0; values.getProperty(key + "." + n) != null; n++) {
            items.add(values.getProperty(key + "." + n));
        }
        return items;
    }

    /** Every value kept but the moved ids, by key ({@code field.NAME} …). */
    Map<String, String> values() {
        Map<String, String> all = new TreeMap<>();
        values.forEach((k, v) -> all.put((String) k, (String) v));
        return all;
    }

    /** Every moved id, by kind. */
    Map<String, List<Long>> moved() {
        return moved;
    }

    void moved(String kind, long id) {
        moved.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
    }

    List<Long> ids(String kind) {
        return moved.getOrDefault(kind, List.of());
    }

    /** What the participants moved: every kind but the customers module's own. */
    Map<String, List<Long>> participants() {
        Map<String, List<Long>> theirs = new LinkedHashMap<>(moved);
        theirs.keySet().removeIf(k -> k.equals(Contact.ENTITY) || k.equals(Activity.ENTITY) || k.startsWith(Contact.ENTITY + "/"));
        return theirs;
    }

    String text() {
        Properties all = new Properties();
        all.putAll(values);
        moved.forEach((kind, ids) -> all.setProperty("moved." + kind, String.join(",", ids.stream().map(String::valueOf).toList())));
        StringWriter out = new StringWriter();
        try {
            // sorted, without the date line Properties.store writes
            for (Map.Entry<Object, Object> e : new TreeMap<>(all).entrySet()) {
                Properties one = new Properties();
                one.put(e.getKey(), e.getValue());
                StringWriter line = new StringWriter();
                one.store(line, null);
                line.toString().lines().filter(l -> !l.startsWith("#")).forEach(l -> out.append(l).append('\n'));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static MergeRecordText parse(String text) {
        Properties all = new Properties();
        try {
            all.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MergeRecordText record = new MergeRecordText();
        // in the order the kinds moved is not kept by Properties: contacts and activities first, the others by name
        for (String key : new TreeMap<>(all).keySet().stream().map(Object::toString).toList()) {
            String value = all.getProperty(key);
            if (key.startsWith("moved.")) {
                String kind = key.substring("moved.".length());
                Arrays.stream(value.split(",")).filter(v -> !v.isBlank()).forEach(v -> record.moved(kind, Long.parseLong(v.strip())));
            } else {
                record.values.setProperty(key, value);
            }
        }
        return record;
    }
}
