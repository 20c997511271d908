package org.salesbench.workflow.internal.reminders;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Each rule's settings, preferences of the workflow bundle in the instance scope (the workspace of the workbench or
 * of the command line): {@code reminder.<id>.enabled} and {@code reminder.<id>.days}, the contribution's values by
 * default.
 */
public final class ReminderSettings {

    public static final String QUALIFIER = "org.salesbench.workflow";

    private ReminderSettings() {
    }

    public static String enabledKey(String ruleId) {
        return "reminder." + ruleId + ".enabled";
    }

    public static String daysKey(String ruleId) {
        return "reminder." + ruleId + ".days";
    }

    public static boolean enabled(ReminderRules.Descriptor rule) {
        return Platform.getPreferencesService().getBoolean(QUALIFIER, enabledKey(rule.id()), rule.enabled(), null);
    }

    public static int days(ReminderRules.Descriptor rule) {
        return Math.max(0, Platform.getPreferencesService().getInt(QUALIFIER, daysKey(rule.id()), rule.days(), null));
    }

    /** Stores a rule's settings in the instance scope. */
    public static void set(String ruleId, boolean enabled, int days) {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(QUALIFIER);
        node.putBoolean(enabledKey(ruleId), enabled);
        node.putInt(daysKey(ruleId), days);
        flush(node);
    }

    /** Back to the contribution's defaults. */
    public static void reset(String ruleId) {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(QUALIFIER);
        node.remove(enabledKey(ruleId));
        node.remove(daysKey(ruleId));
        flush(node);
    }

    private static void flush(IEclipsePreferences node) {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("the workflow preferences could not be saved: " + e.getMessage(), e);
        }
    }
}
