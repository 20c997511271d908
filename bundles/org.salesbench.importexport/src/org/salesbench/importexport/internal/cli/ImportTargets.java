package org.salesbench.importexport.internal.cli;

import java.util.List;
import java.util.Optional;

import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.TargetDescriptor;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.internal.TargetRegistry;

/**
 * The import targets as the command line shows them, read from the one {@link TargetRegistry} without opening the
 * database: {@code import --help} lists their fields and the arguments are checked against them before a file is read.
 */
final class ImportTargets {

    record Target(TargetDescriptor descriptor) {

        String id() {
            return descriptor.id();
        }

        String label() {
            return descriptor.label();
        }

        /** The importable fields as the target declares them (empty if the contribution is broken). */
        List<TargetField> fields() {
            return descriptor.target().map(ImportTarget::fields).orElse(List.of());
        }

        List<String> keyFields() {
            return descriptor.target().map(ImportTarget::keyFields).orElse(List.of());
        }

        boolean canExport() {
            return descriptor.target().map(ImportTarget::canExport).orElse(false);
        }

        Optional<TargetField> field(String name) {
            return fields().stream().filter(f -> f.name().equals(name)).findFirst();
        }
    }

    private ImportTargets() {
    }

    static List<Target> all() {
        return TargetRegistry.descriptors().stream().map(Target::new).toList();
    }

    static Optional<Target> find(String id) {
        return all().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    static String ids() {
        return String.join(", ", all().stream().map(Target::id).toList());
    }
}
