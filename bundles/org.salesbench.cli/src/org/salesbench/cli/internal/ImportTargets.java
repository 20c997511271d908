package org.salesbench.cli.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IConfigurationElement;
import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.TargetField;

/**
 * The import targets as contributed to {@code org.salesbench.importexport.targets}, read without
 * opening the database: {@code import --help} lists their fields and the arguments are checked
 * against them before a file is read.
 */
public final class ImportTargets {

    public record Target(String id, String label, int order, LazyContribution<ImportTarget> target) {

        static Target of(IConfigurationElement element) {
            return new Target(ExtensionRegistryReader.requiredAttribute(element, "id"),
                    ExtensionRegistryReader.requiredAttribute(element, "label"), ExtensionRegistryReader.intAttribute(element, "order", 1000),
                    new LazyContribution<>(element, "class", ImportTarget.class));
        }

        /** The importable fields as the target declares them (empty if the contribution is broken). */
        public List<TargetField> fields() {
            return target.get().map(ImportTarget::fields).orElse(List.of());
        }

        public List<String> keyFields() {
            return target.get().map(ImportTarget::keyFields).orElse(List.of());
        }

        public boolean canExport() {
            return target.get().map(ImportTarget::canExport).orElse(false);
        }

        public Optional<TargetField> field(String name) {
            return fields().stream().filter(f -> f.name().equals(name)).findFirst();
        }
    }

    private static final ExtensionRegistryReader<Target> READER = new ExtensionRegistryReader<>("org.salesbench.importexport.targets",
            "target", Target::of, Comparator.comparingInt(Target::order).thenComparing(Target::id));

    private ImportTargets() {
    }

    public static List<Target> all() {
        return READER.descriptors();
    }

    public static Optional<Target> find(String id) {
        return all().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public static String ids() {
        return String.join(", ", all().stream().map(Target::id).toList());
    }
}
