package org.salesbench.customers.ui.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerStatus;

/** Named filters of the Customers view, kept in the user's workspace preferences. */
final class SavedFilters {

    private static final String NODE = "savedFilters";

    private SavedFilters() {
    }

    private static Preferences root() {
        IEclipsePreferences bundle = InstanceScope.INSTANCE.getNode("org.salesbench.customers.ui");
        return bundle.node(NODE);
    }

    static List<String> names() {
        try {
            return Arrays.stream(root().childrenNames()).sorted().toList();
        } catch (BackingStoreException e) {
            return List.of();
        }
    }

    static void save(String name, CustomerFilter f) {
        Preferences p = root().node(name);
        p.put("text", f.text() == null ? "" : f.text());
        p.put("grades", String.join(",", f.grades()));
        p.put("statuses", f.statuses().stream().map(Enum::name).collect(Collectors.joining(",")));
        p.put("owner", f.owner() == null ? "" : f.owner());
        p.put("tag", f.tag() == null ? "" : f.tag());
        p.putBoolean("overdue", f.followUpOverdue());
        try {
            root().flush();
        } catch (BackingStoreException e) {
            org.eclipse.core.runtime.ILog.of(SavedFilters.class).error("Cannot save the filter " + name, e);
        }
    }

    static CustomerFilter load(String name) {
        try {
            if (!root().nodeExists(name)) {
                return null;
            }
        } catch (BackingStoreException e) {
            return null;
        }
        Preferences p = root().node(name);
        Set<String> grades = split(p.get("grades", ""));
        Set<CustomerStatus> statuses = split(p.get("statuses", "")).stream().map(CustomerStatus::valueOf).collect(Collectors.toSet());
        return new CustomerFilter(p.get("text", ""), grades, statuses, p.get("owner", ""), p.get("tag", ""), p.getBoolean("overdue", false));
    }

    private static Set<String> split(String s) {
        return s.isBlank() ? Set.of() : Set.of(s.split(","));
    }
}
