package org.salesbench.workflow.internal.reminders;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.workflow.reminders.ReminderRule;

/** Reader of the extension point {@code org.salesbench.workflow.reminderRules}. */
public final class ReminderRules {

    public static final String EXTENSION_POINT = "org.salesbench.workflow.reminderRules";

    /**
     * One contributed rule; the class is created on first use, inside SafeRunner.
     *
     * @param days    the rule's number of days unless the preferences say otherwise
     * @param enabled whether the rule runs unless the preferences say otherwise
     */
    public record Descriptor(String id, String label, int order, int days, boolean enabled, LazyContribution<ReminderRule> rule) {
    }

    private static final ExtensionRegistryReader<Descriptor> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "rule",
            e -> new Descriptor(ExtensionRegistryReader.requiredAttribute(e, "id"), ExtensionRegistryReader.requiredAttribute(e, "label"),
                    ExtensionRegistryReader.intAttribute(e, "order", 1000), ExtensionRegistryReader.intAttribute(e, "days", 0),
                    !"false".equalsIgnoreCase(e.getAttribute("enabled")), new LazyContribution<>(e, "class", ReminderRule.class)),
            Comparator.comparingInt(Descriptor::order).thenComparing(Descriptor::id));

    private ReminderRules() {
    }

    public static List<Descriptor> all() {
        return READER.descriptors();
    }

    public static Optional<Descriptor> find(String id) {
        return all().stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
