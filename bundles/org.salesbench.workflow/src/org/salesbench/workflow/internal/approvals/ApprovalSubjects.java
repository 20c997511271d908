package org.salesbench.workflow.internal.approvals;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.workflow.approvals.ApprovalSubject;

/** Reader of the extension point {@code org.salesbench.workflow.approvalSubjects}. */
public final class ApprovalSubjects {

    public static final String EXTENSION_POINT = "org.salesbench.workflow.approvalSubjects";

    /** One contributed subject, by the entity type it approves; the class is created on first use, inside SafeRunner. */
    public record Descriptor(String entityType, String label, int order, LazyContribution<ApprovalSubject> subject) {
    }

    private static final ExtensionRegistryReader<Descriptor> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "subject",
            e -> new Descriptor(ExtensionRegistryReader.requiredAttribute(e, "entityType"), ExtensionRegistryReader.requiredAttribute(e, "label"),
                    ExtensionRegistryReader.intAttribute(e, "order", 1000), new LazyContribution<>(e, "class", ApprovalSubject.class)),
            Comparator.comparingInt(Descriptor::order).thenComparing(Descriptor::entityType));

    private ApprovalSubjects() {
    }

    public static List<Descriptor> all() {
        return READER.descriptors();
    }

    /** The subject of an entity type, empty when none is contributed or its class does not load. */
    public static Optional<ApprovalSubject> subject(String entityType) {
        return all().stream().filter(d -> d.entityType().equals(entityType)).findFirst().flatMap(d -> d.subject().get());
    }
}
