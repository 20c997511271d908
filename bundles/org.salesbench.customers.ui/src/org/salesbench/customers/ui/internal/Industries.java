package org.salesbench.customers.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.Picklists;
import org.salesbench.ui.Services;

/** The industry picklist as the customer views show it: codes stored, labels in the user's language. */
final class Industries {

    private Industries() {
    }

    /** The label of a stored industry code; the text itself when the list has no such code; {@code null} for none. */
    static String label(String code) {
        return code == null ? null : Services.get(Picklists.class).label(Picklists.INDUSTRY, code);
    }

    /** A form's choices: none first, then the active values in order, then {@code current} if it is not one of them. */
    static List<PicklistValue> choices(String current) {
        Picklists picklists = Services.get(Picklists.class);
        List<PicklistValue> choices = new ArrayList<>(picklists.activeValues(Picklists.INDUSTRY));
        if (current != null && choices.stream().noneMatch(v -> v.code().equalsIgnoreCase(current))) {
            choices.add(picklists.find(Picklists.INDUSTRY, current)
                    .orElse(new PicklistValue(Picklists.INDUSTRY, current, current, current, Integer.MAX_VALUE, false, false)));
        }
        return choices;
    }
}
