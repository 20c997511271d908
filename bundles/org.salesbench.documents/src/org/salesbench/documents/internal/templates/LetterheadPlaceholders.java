package org.salesbench.documents.internal.templates;

import java.time.LocalDate;

import org.eclipse.core.runtime.Platform;
import org.salesbench.core.time.Clocks;
import org.salesbench.documents.templates.PlaceholderProvider;
import org.salesbench.documents.templates.PlaceholderValues;

/**
 * The generic placeholders every template may use: {@code today} and the company's letterhead, set in the
 * preferences of {@code org.salesbench.documents} ({@code letterhead.name}, {@code .address}, {@code .phone},
 * {@code .taxId}, {@code .bank}; empty when unset).
 */
public class LetterheadPlaceholders implements PlaceholderProvider {

    public static final String QUALIFIER = "org.salesbench.documents";
    public static final String[] LETTERHEAD_FIELDS = { "name", "address", "phone", "taxId", "bank" };

    @Override
    public void supply(Object record, PlaceholderValues values) {
        values.date("today", LocalDate.now(Clocks.system()));
        for (String field : LETTERHEAD_FIELDS) {
            values.text("company." + field, Platform.getPreferencesService().getString(QUALIFIER, preferenceKey(field), "", null));
        }
    }

    public static String preferenceKey(String field) {
        return "letterhead." + field;
    }
}
