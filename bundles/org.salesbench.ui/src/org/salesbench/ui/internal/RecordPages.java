package org.salesbench.ui.internal;

import java.util.Comparator;
import java.util.List;

import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.ui.forms.RecordPageFactory;

/** Reads {@value #EXTENSION_POINT}: the pages every record editor shows after its own. */
public final class RecordPages {

    public static final String EXTENSION_POINT = "org.salesbench.ui.recordPages";

    /** One contributed page; its factory is created when the first editor opens. */
    public record Descriptor(String id, String label, int order, LazyContribution<RecordPageFactory> factory) {
    }

    private static final ExtensionRegistryReader<Descriptor> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "page",
            e -> new Descriptor(ExtensionRegistryReader.requiredAttribute(e, "id"), ExtensionRegistryReader.requiredAttribute(e, "label"),
                    ExtensionRegistryReader.intAttribute(e, "order", 1000), new LazyContribution<>(e, "class", RecordPageFactory.class)),
            Comparator.comparingInt(Descriptor::order).thenComparing(Descriptor::id));

    private RecordPages() {
    }

    public static List<Descriptor> all() {
        return READER.descriptors();
    }
}
