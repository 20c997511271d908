package org.salesbench.workflow.internal.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.workflow.rules.RuleRecords;

/** Reader of the extension point {@code org.salesbench.workflow.ruleEntities}: the entities rules may be about. */
public final class RuleEntities {

    public static final String EXTENSION_POINT = "org.salesbench.workflow.ruleEntities";

    /** One entity's field catalogue; the class is created on first use, inside SafeRunner. */
    public record Descriptor(String id, String label, int order, LazyContribution<RuleRecords> records) {
    }

    private static final ExtensionRegistryReader<Descriptor> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "entity",
            e -> new Descriptor(ExtensionRegistryReader.requiredAttribute(e, "id"), ExtensionRegistryReader.requiredAttribute(e, "label"),
                    ExtensionRegistryReader.intAttribute(e, "order", 1000), new LazyContribution<>(e, "class", RuleRecords.class)),
            Comparator.comparingInt(Descriptor::order).thenComparing(Descriptor::id));

    private RuleEntities() {
    }

    public static List<Descriptor> all() {
        return READER.descriptors();
    }

    public static Optional<Descriptor> find(String id) {
        return all().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The catalogue of {@code entity}, if one is contributed and loads. */
    public static Optional<RuleRecords> records(String entity) {
        return find(entity).flatMap(d -> d.records().get());
    }
}
