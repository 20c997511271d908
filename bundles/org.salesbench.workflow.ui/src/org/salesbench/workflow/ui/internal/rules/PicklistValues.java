package org.salesbench.workflow.ui.internal.rules;

import java.util.List;
import java.util.Locale;

import org.salesbench.persistence.Picklists;
import org.salesbench.ui.Services;

/**
 * A condition's value on a field that stores a picklist's codes (the industry): the editor shows and offers the labels
 * in the user's language and stores the code a label names; a text naming no value stays as typed.
 */
final class PicklistValues {

    private PicklistValues() {
    }

    private static Picklists picklists() {
        return Services.find(Picklists.class).orElse(null);
    }

    /** The active values' labels of {@code list} in the user's language, in the list's order; none for a null list. */
    static List<String> labels(String list) {
        Picklists picklists = list == null ? null : picklists();
        return picklists == null ? List.of() : picklists.activeValues(list).stream().map(v -> v.label(Locale.getDefault())).toList();
    }

    /** What the editor shows for a stored value: its label when it is a code of {@code list}. */
    static String label(String list, String stored) {
        Picklists picklists = list == null ? null : picklists();
        return picklists == null ? stored : picklists.find(list, stored).map(v -> v.label(Locale.getDefault())).orElse(stored);
    }

    /** What is stored for a typed value: the code it names (code or label in either language), else the text. */
    static String code(String list, String typed) {
        Picklists picklists = list == null || typed == null || typed.isBlank() ? null : picklists();
        return picklists == null ? typed : picklists.resolve(list, typed).orElse(typed);
    }
}
