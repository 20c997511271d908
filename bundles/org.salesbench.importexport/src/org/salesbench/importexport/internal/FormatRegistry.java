package org.salesbench.importexport.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.IConfigurationElement;
import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.importexport.DataFormat;
import org.salesbench.importexport.FormatDescriptor;

/** The formats contributed to {@code org.salesbench.importexport.formats}, read once, lazily. */
public final class FormatRegistry {

    public static final String EXTENSION_POINT = "org.salesbench.importexport.formats";

    private static final ExtensionRegistryReader<FormatDescriptor> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "format",
            Descriptor::new, Comparator.comparing(FormatDescriptor::id));

    private FormatRegistry() {
    }

    public static List<FormatDescriptor> descriptors() {
        return READER.descriptors();
    }

    private static final class Descriptor implements FormatDescriptor {
        private final String id;
        private final String label;
        private final List<String> extensions;
        private final LazyContribution<DataFormat> format;

        Descriptor(IConfigurationElement element) {
            id = ExtensionRegistryReader.requiredAttribute(element, "id");
            label = ExtensionRegistryReader.requiredAttribute(element, "label");
            extensions = Arrays.stream(ExtensionRegistryReader.requiredAttribute(element, "extensions").split(","))
                    .map(e -> e.strip().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty()).toList();
            format = new LazyContribution<>(element, "class", DataFormat.class);
        }

        @Override public String id() { return id; }
        @Override public String label() { return label; }
        @Override public List<String> extensions() { return extensions; }
        @Override public Optional<DataFormat> format() { return format.get(); }
    }
}
