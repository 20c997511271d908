package org.salesbench.customers.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.Picklists;
import org.salesbench.ui.Services;

/**
 * The industry picklist (and the other picklists a customer's fields store codes of: company size, source, a contact's
 * decision role) as the customer views show them: codes stored, labels in the user's language.
 */
final class Industries {

    private Industries() {
    }

    /**
     * Every industry code of the list (inactive ones too: customers keep them) in the order of the labels as the user
     * reads them (the language's collation), for sorting a list by what it shows.
     */
    static List<String> codesByLabel() {
        java.util.Locale locale = java.util.Locale.getDefault();
        java.text.Collator collator = java.text.Collator.getInstance(locale);
        return Services.get(Picklists.class).values(Picklists.INDUSTRY).stream()
                .sorted(java.util.Comparator.comparing((PicklistValue v) -> v.label(locale), collator).thenComparing(PicklistValue::code))
                .map(PicklistValue::code).toList();
    }

    /** The label of a stored industry code; the text itself when the list has no such code; {@code null} for none. */
    static String label(String code) {
        return label(Picklists.INDUSTRY, code);
    }

    /** The label of a code of {@code list}; the text itself when the list has no such code; {@code null} for none. */
    static String label(String list, String code) {
        return code == null ? null : Services.get(Picklists.class).label(list, code);
    }

    /** A form's industry choices: see {@link #choices(String, String)}. */
    static List<PicklistValue> choices(String current) {
        return choices(Picklists.INDUSTRY, current);
    }

    /** A form's choices of {@code list}: its active values in order, then {@code current} if it is not one of them. */
    static List<PicklistValue> choices(String list, String current) {
        Picklists picklists = Services.get(Picklists.class);
        List<PicklistValue> choices = new ArrayList<>(picklists.activeValues(list));
        if (current != null && choices.stream().noneMatch(v -> v.code().equalsIgnoreCase(current))) {
            choices.add(picklists.find(list, current)
                    .orElse(new PicklistValue(list, current, current, current, Integer.MAX_VALUE, false, false)));
        }
        return choices;
    }
}
