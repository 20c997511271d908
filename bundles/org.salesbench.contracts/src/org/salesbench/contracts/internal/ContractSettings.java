package org.salesbench.contracts.internal;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The contracts' settings, preferences of this bundle in the instance scope (the workspace of the workbench or of the
 * command line): {@value #NUMBER_PATTERN}, the numbering scheme ({@link NumberScheme}), {@value #DEFAULT_PATTERN} by
 * default.
 */
public final class ContractSettings {

    public static final String QUALIFIER = "org.salesbench.contracts";
    public static final String NUMBER_PATTERN = "number.pattern";
    public static final String DEFAULT_PATTERN = "HT-{yyyy}-{seq:5}";

    private ContractSettings() {
    }

    /** The configured numbering pattern. */
    public static String numberPattern() {
        return Platform.getPreferencesService().getString(QUALIFIER, NUMBER_PATTERN, DEFAULT_PATTERN, null);
    }

    /** Stores the numbering pattern after checking it can number contracts; {@code null} goes back to the default. */
    public static void setNumberPattern(String pattern) {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(QUALIFIER);
        if (pattern == null) {
            node.remove(NUMBER_PATTERN);
        } else {
            node.put(NUMBER_PATTERN, NumberScheme.parse(pattern).pattern());
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
