package org.salesbench.ui.internal.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.ui.search.SearchHit;
import org.salesbench.ui.search.SearchResultProvider;

/** The contributions to {@code org.salesbench.ui.searchProviders}, read once, in order. */
public final class SearchProviderRegistry {

    public static final String EXTENSION_POINT = "org.salesbench.ui.searchProviders";

    /** One contributed provider; its class is created on the first search. */
    public record Descriptor(String id, String label, int order, LazyContribution<SearchResultProvider> provider) {

        static Descriptor read(IConfigurationElement e) {
            return new Descriptor(ExtensionRegistryReader.requiredAttribute(e, "id"),
                    ExtensionRegistryReader.requiredAttribute(e, "label"), ExtensionRegistryReader.intAttribute(e, "order", 1000),
                    new LazyContribution<>(e, "class", SearchResultProvider.class));
        }
    }

    /** The hits of one provider, or the failure that stopped it. */
    public record Group(Descriptor descriptor, List<SearchHit> hits, boolean failed) {
    }

    private static final ExtensionRegistryReader<Descriptor> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "provider",
            Descriptor::read, Comparator.comparingInt(Descriptor::order));

    private SearchProviderRegistry() {
    }

    public static List<Descriptor> descriptors() {
        return READER.descriptors();
    }

    /** Asks every provider; one that throws or cannot be created yields a failed group, the others go on. */
    public static List<Group> search(String text, int limitPerProvider) {
        List<Group> groups = new ArrayList<>();
        for (Descriptor d : descriptors()) {
            List<SearchHit> hits = d.provider().get()
                    .map(p -> LazyContribution.safeCall(d.id(), () -> p.search(text, limitPerProvider), (List<SearchHit>) null))
                    .orElse(null);
            groups.add(new Group(d, hits == null ? List.of() : hits, hits == null));
        }
        return groups;
    }
}
