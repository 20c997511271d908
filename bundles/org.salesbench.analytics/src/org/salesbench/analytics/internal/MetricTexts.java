package org.salesbench.analytics.internal;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Metric labels and definitions in the user's language, from metrics.properties ({@code <id>.label}, {@code <id>.definition}). */
final class MetricTexts {

    private static final String BUNDLE = "org.salesbench.analytics.internal.metrics";

    private MetricTexts() {
    }

    static String label(String id) {
        return text(id + ".label", Locale.getDefault());
    }

    static String definition(String id) {
        return text(id + ".definition", Locale.getDefault());
    }

    static String text(String key, Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, MetricTexts.class.getClassLoader()).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
