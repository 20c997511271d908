package org.salesbench.importexport.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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

    public static List<TargetDescriptor> descriptors() {
        return READER.descriptors();
    }

    private static final class Descriptor implements TargetDescriptor {
        private final String id;
        private final String label;
        private final int order;
        private final LazyContribution<ImportTarget> target;

        Descriptor(IConfigurationElement element) {
            id = ExtensionRegistryReader.requiredAttribute(element, "id");
            label = ExtensionRegistryReader.requiredAttribute(element, "label");
            order = ExtensionRegistryReader.intAttribute(element, "order", 1000);
            target = new LazyContribution<>(element, "class", ImportTarget.class);
        }

        @Override public String id() { return id; }
        @Override public String label() { return label; }
        @Override public int order() { return order; }
        @Override public Optional<ImportTarget> target() { return target.get(); }
    }
}
