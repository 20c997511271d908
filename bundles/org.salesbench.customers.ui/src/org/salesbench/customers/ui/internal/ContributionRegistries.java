package org.salesbench.customers.ui.internal;

import java.util.Comparator;
import java.util.List;

import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.customers.ui.CustomerEditorPageFactory;
import org.salesbench.customers.ui.CustomerEditorSectionFactory;

/** Readers of the extension points of the customers UI. */
final class ContributionRegistries {

    record PageDescriptor(String id, String label, int order, LazyContribution<CustomerEditorPageFactory> factory) {
    }

    record SectionDescriptor(String id, String label, int order, LazyContribution<CustomerEditorSectionFactory> factory) {
    }

    static final ExtensionRegistryReader<PageDescriptor> PAGES = new ExtensionRegistryReader<>(
            "org.salesbench.customers.ui.editorPages", "page",
            e -> new PageDescriptor(ExtensionRegistryReader.requiredAttribute(e, "id"), ExtensionRegistryReader.requiredAttribute(e, "label"),
                    ExtensionRegistryReader.intAttribute(e, "order", 1000), new LazyContribution<>(e, "class", CustomerEditorPageFactory.class)),
            Comparator.comparingInt(PageDescriptor::order));

    static final ExtensionRegistryReader<SectionDescriptor> SECTIONS = new ExtensionRegistryReader<>(
            "org.salesbench.customers.ui.editorPages", "section",
            e -> new SectionDescriptor(ExtensionRegistryReader.requiredAttribute(e, "id"), ExtensionRegistryReader.requiredAttribute(e, "label"),
                    ExtensionRegistryReader.intAttribute(e, "order", 1000), new LazyContribution<>(e, "class", CustomerEditorSectionFactory.class)),
            Comparator.comparingInt(SectionDescriptor::order));

    private ContributionRegistries() {
    }

    static List<PageDescriptor> pages() {
        return PAGES.descriptors();
    }

    static List<SectionDescriptor> sections() {
        return SECTIONS.descriptors();
    }
}
