package org.salesbench.analytics.internal;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Metric labels and definitions in the user's language, from metrics.properties
 * ({@code <id>.label}, {@code <id>.definition}). A resource bundle rather than NLS fields because
 * the keys follow the catalogue's ids and the locale is chosen per call.
 */
public final class MetricTexts {

    static final String BUNDLE = "org.salesbench.analytics.internal.metrics";

    private MetricTexts() {
    }

    /** The text, or {@code null} when the bundle for {@code locale} and its parents lack the key. */
    public static String text(String key, Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, MetricTexts.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
