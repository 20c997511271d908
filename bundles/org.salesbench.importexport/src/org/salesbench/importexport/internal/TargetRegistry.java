package org.salesbench.importexport.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IConfigurationElement;
import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.TargetDescriptor;

/** The targets contributed to {@code org.salesbench.importexport.targets}, read once, lazily, in order. */
public final class TargetRegistry {

    public static final String EXTENSION_POINT = "org.salesbench.importexport.targets";

    private static final ExtensionRegistryReader<TargetDescriptor> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "target",
            Descriptor::new, Comparator.comparingInt(TargetDescriptor::order).thenComparing(TargetDescriptor::id));

    private TargetRegistry() {
    }

    /** What an external-id table's name may be: it is written into SQL. */
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");

    public static List<TargetDescriptor> descriptors() {
        return READER.descriptors();
    }

    /**
     * The tables the targets declared their entities' external ids in ({@code externalIdEntity} to {@code externalIdTable});
     * an entity not in it keeps them in the shared table. Made from the (cached) descriptors on each call: a few dozen.
     */
    public static Map<String, String> externalIdTables() {
        Map<String, String> byEntity = new HashMap<>();
        for (TargetDescriptor d : READER.descriptors()) {
            if (d instanceof Descriptor own && own.externalIdTable != null) {
                byEntity.putIfAbsent(own.externalIdEntity, own.externalIdTable);
            }
        }
        return byEntity;
    }

    private static final class Descriptor implements TargetDescriptor {
        private final String id;
        private final String label;
        private final int order;
        private final LazyContribution<ImportTarget> target;
        /** The entity whose external ids live in {@link #externalIdTable}, and that table; both null for the shared one. */
        private final String externalIdEntity;
        private final String externalIdTable;

        Descriptor(IConfigurationElement element) {
            id = ExtensionRegistryReader.requiredAttribute(element, "id");
            label = ExtensionRegistryReader.requiredAttribute(element, "label");
            order = ExtensionRegistryReader.intAttribute(element, "order", 1000);
            target = new LazyContribution<>(element, "class", ImportTarget.class);
            externalIdEntity = blankToNull(element.getAttribute("externalIdEntity"));
            String table = blankToNull(element.getAttribute("externalIdTable"));
            if ((externalIdEntity == null) != (table == null)) {
                throw new IllegalArgumentException("target " + id + ": externalIdEntity and externalIdTable are declared together or not at all");
            }
            if (table != null && !TABLE_NAME.matcher(table).matches()) {
                throw new IllegalArgumentException("target " + id + ": externalIdTable \"" + table + "\" is not a table name");
            }
            externalIdTable = table == null ? null : table.toUpperCase(java.util.Locale.ROOT);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }

        @Override public String id() { return id; }
        @Override public String label() { return label; }
        @Override public int order() { return order; }
        @Override public Optional<ImportTarget> target() { return target.get(); }
    }
}
