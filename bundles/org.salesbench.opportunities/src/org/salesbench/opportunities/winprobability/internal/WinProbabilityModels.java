package org.salesbench.opportunities.winprobability.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.opportunities.winprobability.WinProbabilityModel;

/** Reader of the extension point {@code org.salesbench.opportunities.winProbabilityModels}. */
public final class WinProbabilityModels {

    public static final String EXTENSION_POINT = "org.salesbench.opportunities.winProbabilityModels";

    /** One contributed model; the class is created on first use, inside SafeRunner. */
    public record Descriptor(String id, String label, int order, LazyContribution<WinProbabilityModel> model) {
    }

    private static final ExtensionRegistryReader<Descriptor> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "model",
            e -> new Descriptor(ExtensionRegistryReader.requiredAttribute(e, "id"), ExtensionRegistryReader.requiredAttribute(e, "label"),
                    ExtensionRegistryReader.intAttribute(e, "order", 1000), new LazyContribution<>(e, "class", WinProbabilityModel.class)),
            Comparator.comparingInt(Descriptor::order).thenComparing(Descriptor::id));

    private WinProbabilityModels() {
    }

    public static List<Descriptor> all() {
        return READER.descriptors();
    }

    public static Optional<Descriptor> find(String id) {
        return all().stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
