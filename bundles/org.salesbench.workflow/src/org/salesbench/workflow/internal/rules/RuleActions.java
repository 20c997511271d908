package org.salesbench.workflow.internal.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.workflow.rules.RuleAction;

/** Reader of the extension point {@code org.salesbench.workflow.ruleActions}: what rules do. */
public final class RuleActions {

    public static final String EXTENSION_POINT = "org.salesbench.workflow.ruleActions";

    /** One action; the class is created on first use, inside SafeRunner. */
    public record Descriptor(String id, String label, int order, LazyContribution<RuleAction> action) {
    }

    private static final ExtensionRegistryReader<Descriptor> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "action",
            e -> new Descriptor(ExtensionRegistryReader.requiredAttribute(e, "id"), ExtensionRegistryReader.requiredAttribute(e, "label"),
                    ExtensionRegistryReader.intAttribute(e, "order", 1000), new LazyContribution<>(e, "class", RuleAction.class)),
            Comparator.comparingInt(Descriptor::order).thenComparing(Descriptor::id));

    private RuleActions() {
    }

    public static List<Descriptor> all() {
        return READER.descriptors();
    }

    public static Optional<Descriptor> find(String id) {
        return all().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The action {@code id}, if one is contributed and loads. */
    public static Optional<RuleAction> action(String id) {
        return find(id).flatMap(d -> d.action().get());
    }
}
