package org.salesbench.persistence;

import java.util.Locale;

/**
 * One value of a picklist: the code records store, its English and Chinese labels, its place in the list and whether
 * it is still offered (an inactive value stays readable on the records that have it).
 */
public record PicklistValue(String list, String code, String labelEn, String labelZh, int position, boolean active,
        boolean builtIn) {

    /** The label in {@code locale}'s language: Chinese for {@code zh}, English otherwise (the other one when blank). */
    public String label(Locale locale) {
        boolean chinese = locale != null && "zh".equals(locale.getLanguage());
        String first = chinese ? labelZh : labelEn;
        return first == null || first.isBlank() ? (chinese ? labelEn : labelZh) : first;
    }

    /** The label in the user's language ({@link Locale#getDefault()}, which the workbench's {@code -nl} sets). */
    public String label() {
        return label(Locale.getDefault());
    }
}
