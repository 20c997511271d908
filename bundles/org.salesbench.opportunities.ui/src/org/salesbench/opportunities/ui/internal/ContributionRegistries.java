package org.salesbench.opportunities.ui.internal;

import java.util.Comparator;
import java.util.List;

import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.opportunities.ui.OpportunityEditorPageFactory;

/** Reader of the extension point of the opportunities UI. */
final class ContributionRegistries {

    record PageDescriptor(String id, String label, int order, LazyContribution<OpportunityEditorPageFactory> factory) {
    }

    static final ExtensionRegistryReader<PageDescriptor> PAGES = new ExtensionRegistryReader<>(
            "org.salesbench.opportunities.ui.editorPages", "page",
            e -> new PageDescriptor(ExtensionRegistryReader.requiredAttribute(e, "id"), ExtensionRegistryReader.requiredAttribute(e, "label"),
                    ExtensionRegistryReader.intAttribute(e, "order", 1000), new LazyContribution<>(e, "class", OpportunityEditorPageFactory.class)),
            Comparator.comparingInt(PageDescriptor::order));

    private ContributionRegistries() {
    }

    static List<PageDescriptor> pages() {
        return PAGES.descriptors();
    }
}
