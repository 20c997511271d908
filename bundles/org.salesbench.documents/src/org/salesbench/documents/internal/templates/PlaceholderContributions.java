package org.salesbench.documents.internal.templates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.documents.templates.Placeholder;
import org.salesbench.documents.templates.PlaceholderProvider;
import org.salesbench.documents.templates.PlaceholderType;

/** Reader of the extension point {@code org.salesbench.documents.placeholders}. */
public final class PlaceholderContributions {

    public static final String EXTENSION_POINT = "org.salesbench.documents.placeholders";

    /** The subject of contributions that serve every subject (the date, the letterhead). */
    public static final String ANY_SUBJECT = "*";

    /**
     * One contribution: the placeholders it names for a subject, read from the XML, and its provider, created on
     * first use inside SafeRunner.
     */
    public record Descriptor(String id, String subject, int order, List<Placeholder> placeholders,
            LazyContribution<PlaceholderProvider> provider) {

        public boolean serves(String wanted) {
            return ANY_SUBJECT.equals(subject) || subject.equals(wanted);
        }
    }

    private static final ExtensionRegistryReader<Descriptor> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "placeholders",
            PlaceholderContributions::descriptor,
            Comparator.comparing((Descriptor d) -> !ANY_SUBJECT.equals(d.subject())).thenComparingInt(Descriptor::order)
                    .thenComparing(Descriptor::id));

    private PlaceholderContributions() {
    }

    public static List<Descriptor> all() {
        return READER.descriptors();
    }

    /** Generic contributions first, then the subject's, each by order. */
    public static List<Descriptor> forSubject(String subject) {
        return all().stream().filter(d -> d.serves(subject)).toList();
    }

    private static Descriptor descriptor(IConfigurationElement e) {
        return new Descriptor(ExtensionRegistryReader.requiredAttribute(e, "id"), ExtensionRegistryReader.requiredAttribute(e, "subject"),
                ExtensionRegistryReader.intAttribute(e, "order", 1000), placeholders(e),
                new LazyContribution<>(e, "class", PlaceholderProvider.class));
    }

    private static List<Placeholder> placeholders(IConfigurationElement parent) {
        List<Placeholder> result = new ArrayList<>();
        for (IConfigurationElement child : parent.getChildren()) {
            String name = ExtensionRegistryReader.requiredAttribute(child, "name");
            String label = child.getAttribute("label");
            switch (child.getName()) {
                case "placeholder" -> {
                    String type = child.getAttribute("type");
                    result.add(Placeholder.of(name, type == null ? PlaceholderType.TEXT : PlaceholderType.parse(type), label));
                }
                case "section" -> {
                    List<Placeholder> columns = placeholders(child);
                    if (columns.stream().anyMatch(c -> c.type() == PlaceholderType.SECTION)) {
                        throw new IllegalArgumentException("section '" + name + "' has a section inside: one level only");
                    }
                    result.add(Placeholder.section(name, label, columns));
                }
                default -> throw new IllegalArgumentException("unknown element <" + child.getName() + ">");
            }
        }
        return result;
    }
}
