package org.salesbench.persistence.internal;

import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;
import org.salesbench.core.registry.ExtensionRegistryReader;

/** Reads {@code org.salesbench.persistence.entities}: entity classes, changelogs and picklist columns, by bundle. */
public final class EntityContributions {

    public static final String EXTENSION_POINT = "org.salesbench.persistence.entities";

    /** One entity class of one bundle. */
    public record EntityDescriptor(String className, Bundle bundle) {
        public Class<?> load() throws ClassNotFoundException {
            return bundle.loadClass(className);
        }
    }

    /** One changelog of one bundle. */
    public record ChangelogDescriptor(String path, int order, Bundle bundle) {
    }

    private static final ExtensionRegistryReader<EntityDescriptor> ENTITIES = new ExtensionRegistryReader<>(
            EXTENSION_POINT, "entity",
            e -> new EntityDescriptor(ExtensionRegistryReader.requiredAttribute(e, "class"), bundleOf(e)), null);

    private static final ExtensionRegistryReader<ChangelogDescriptor> CHANGELOGS = new ExtensionRegistryReader<>(
            EXTENSION_POINT, "changelog",
            e -> new ChangelogDescriptor(ExtensionRegistryReader.requiredAttribute(e, "path"),
                    ExtensionRegistryReader.intAttribute(e, "order", 1000), bundleOf(e)),
            Comparator.comparingInt(ChangelogDescriptor::order).thenComparing(c -> c.bundle().getSymbolicName()));

    /** A column of a module's table that stores the codes of a picklist (see {@link org.salesbench.persistence.Picklists}). */
    public record PicklistColumnDescriptor(String list, String table, String column, Bundle bundle) {
    }

    private static final ExtensionRegistryReader<PicklistColumnDescriptor> PICKLIST_COLUMNS = new ExtensionRegistryReader<>(
            EXTENSION_POINT, "picklistColumn",
            e -> new PicklistColumnDescriptor(ExtensionRegistryReader.requiredAttribute(e, "list"),
                    ExtensionRegistryReader.requiredAttribute(e, "table"), ExtensionRegistryReader.requiredAttribute(e, "column"),
                    bundleOf(e)),
            Comparator.comparing(PicklistColumnDescriptor::table).thenComparing(PicklistColumnDescriptor::column));

    private EntityContributions() {
    }

    public static List<EntityDescriptor> entities() {
        return ENTITIES.descriptors();
    }

    public static List<ChangelogDescriptor> changelogs() {
        return CHANGELOGS.descriptors();
    }

    public static List<PicklistColumnDescriptor> picklistColumns() {
        return PICKLIST_COLUMNS.descriptors();
    }

    private static Bundle bundleOf(IConfigurationElement element) {
        Bundle bundle = Platform.getBundle(element.getContributor().getName());
        if (bundle == null) {
            throw new IllegalArgumentException("bundle " + element.getContributor().getName() + " is not installed");
        }
        return bundle;
    }
}
