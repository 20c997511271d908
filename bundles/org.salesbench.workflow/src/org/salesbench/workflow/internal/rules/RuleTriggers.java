package org.salesbench.workflow.internal.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.workflow.rules.RuleTrigger;

/** Reader of the extension point {@code org.salesbench.workflow.ruleTriggers}: when rules run. */
public final class RuleTriggers {

    public static final String EXTENSION_POINT = "org.salesbench.workflow.ruleTriggers";

    /** One trigger; the class is created on first use, inside SafeRunner. */
    public record Descriptor(String id, String label, int order, LazyContribution<RuleTrigger> trigger) {
    }

    private static final ExtensionRegistryReader<Descriptor> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "trigger",
            e -> new Descriptor(ExtensionRegistryReader.requiredAttribute(e, "id"), ExtensionRegistryReader.requiredAttribute(e, "label"),
                    ExtensionRegistryReader.intAttribute(e, "order", 1000), new LazyContribution<>(e, "class", RuleTrigger.class)),
            Comparator.comparingInt(Descriptor::order).thenComparing(Descriptor::id));

    private RuleTriggers() {
    }

    public static List<Descriptor> all() {
        return READER.descriptors();
    }

    public static Optional<Descriptor> find(String id) {
        return all().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The trigger {@code id}, if one is contributed and loads. */
    public static Optional<RuleTrigger> trigger(String id) {
        return find(id).flatMap(d -> d.trigger().get());
    }
}
