package org.salesbench.ui.search;

import java.util.Optional;

import org.salesbench.ui.internal.search.SearchProviderRegistry;

/**
 * The contributed search providers by id, for a module that opens another module's record by its id (a task's related
 * record, a report's drill-down row) without knowing that module's editor.
 */
public final class SearchProviders {

    private SearchProviders() {
    }

    /** The provider contributed with {@code id}, or empty when no installed module contributes it or it cannot load. */
    public static Optional<SearchResultProvider> byId(String id) {
        return SearchProviderRegistry.descriptors().stream().filter(d -> d.id().equals(id)).findFirst()
                .flatMap(d -> d.provider().get());
    }
}
