package org.salesbench.opportunities.assignment.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.opportunities.assignment.AssignmentStrategy;

/** Reader of the extension point {@code org.salesbench.opportunities.assignmentStrategies}. */
public final class AssignmentStrategies {

    public static final String EXTENSION_POINT = "org.salesbench.opportunities.assignmentStrategies";

    /** One contributed strategy; the class is created on first use, inside SafeRunner. */
    public record Descriptor(String id, String label, int order, LazyContribution<AssignmentStrategy> strategy) {
    }

    private static final ExtensionRegistryReader<Descriptor> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "strategy",
            e -> new Descriptor(ExtensionRegistryReader.requiredAttribute(e, "id"), ExtensionRegistryReader.requiredAttribute(e, "label"),
                    ExtensionRegistryReader.intAttribute(e, "order", 1000), new LazyContribution<>(e, "class", AssignmentStrategy.class)),
            Comparator.comparingInt(Descriptor::order).thenComparing(Descriptor::id));

    private AssignmentStrategies() {
    }

    public static List<Descriptor> all() {
        return READER.descriptors();
    }

    public static Optional<Descriptor> find(String id) {
        return all().stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
