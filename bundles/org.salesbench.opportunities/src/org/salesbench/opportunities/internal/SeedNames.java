package org.salesbench.opportunities.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Names of the records Salesbench ships (pipelines, stages, lead sources) are stored in English
 * with a key; the key is the name of a {@link Messages} field, so the translation lives with the
 * other strings. User-made or renamed records have no key and show what the user typed.
 */
public final class SeedNames {

    private SeedNames() {
    }

    public static String label(String key, String storedName) {
        if (key == null) {
            return storedName;
        }
        try {
            Field field = Messages.class.getField(key);
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                Object value = field.get(null);
                if (value != null) {
                    return (String) value;
                }
            }
        } catch (ReflectiveOperationException unknownKey) {
            // a key from a newer version: the stored English name is the honest fallback
        }
        return storedName;
    }
}
