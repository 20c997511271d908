package org.salesbench.ui.internal.preferences;

import org.eclipse.core.runtime.preferences.ConfigurationScope;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * Start-up settings kept in the configuration area ({@code ~/.salesbench/configuration}), where
 * the launcher script reads them before the next start: they decide the database, the user and
 * the language, which cannot change while Salesbench runs.
 */
public final class UiPreferences {

    public static final String QUALIFIER = "org.salesbench.ui";
    public static final String DB_URL = "db.url";
    public static final String DB_USER = "db.user";
    /** Where versions before sign-in kept the password in plain text: removed at start. */
    public static final String OBSOLETE_DB_PASSWORD = "db.password";
    public static final String USER_LOGIN = "user.login";
    public static final String USER_DISPLAY_NAME = "user.displayName";
    public static final String LOCALE = "locale";

    private static ScopedPreferenceStore store;

    private UiPreferences() {
    }

    public static synchronized ScopedPreferenceStore store() {
        if (store == null) {
            store = new ScopedPreferenceStore(ConfigurationScope.INSTANCE, QUALIFIER);
        }
        return store;
    }
}
