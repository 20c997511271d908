package org.salesbench.audit.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.salesbench.core.registry.ExtensionRegistryReader;

/** Reads the {@value #EXTENSION_POINT} extension point: the tables whose changes the audit trail records. */
public final class AuditedTables {

    public static final String EXTENSION_POINT = "org.salesbench.audit.auditedTables";

    /** Columns whose change is bookkeeping, never recorded as a change of their own. */
    public static final Set<String> BOOKKEEPING_COLUMNS = Set.of("version", "created_at", "created_by", "updated_at", "updated_by");

    /**
     * @param table          the table name in upper case
     * @param entity         the entity name the history is kept under
     * @param ignoredColumns the module's ignored columns in lower case, as the trigger receives them
     * @param module         the bundle that declares the table, or {@code null} when not known
     */
    public record Descriptor(String table, String entity, Set<String> ignoredColumns, String module) {

        public Descriptor(String table, String entity, Set<String> ignoredColumns) {
            this(table, entity, ignoredColumns, null);
        }

        /** Whether a change of {@code column} (any case) is recorded. */
        public boolean records(String column) {
            String c = column.toLowerCase(Locale.ROOT);
            return !BOOKKEEPING_COLUMNS.contains(c) && !ignoredColumns.contains(c);
        }
    }

    private static final ExtensionRegistryReader<Descriptor> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "table",
            e -> new Descriptor(ExtensionRegistryReader.requiredAttribute(e, "name").toUpperCase(Locale.ROOT),
                    ExtensionRegistryReader.requiredAttribute(e, "entity"), columns(e.getAttribute("ignoredColumns")), e.getContributor().getName()),
            Comparator.comparing(Descriptor::table));

    /**
     * The label of a field in the history, in the language the workbench runs in.
     *
     * @param entity the entity whose field it is, or {@code null} for the field of that name in every entity
     * @param field  the field as the trail records it, in lower case (e.g. {@code credit_code})
     */
    public record FieldLabel(String entity, String field, String label) {
    }

    private static final ExtensionRegistryReader<FieldLabel> LABELS = new ExtensionRegistryReader<>(EXTENSION_POINT, "field",
            e -> new FieldLabel(e.getAttribute("entity"), ExtensionRegistryReader.requiredAttribute(e, "name").toLowerCase(Locale.ROOT),
                    ExtensionRegistryReader.requiredAttribute(e, "label")),
            Comparator.comparing(FieldLabel::field).thenComparing(l -> l.entity() == null ? "" : l.entity()));

    private AuditedTables() {
    }

    /**
     * The label of {@code field} of {@code entity}: the entity's own, else the one every entity shares, else the field's
     * name with its underscores as spaces.
     */
    public static String fieldLabel(String entity, String field) {
        String f = field.toLowerCase(Locale.ROOT);
        String shared = null;
        for (FieldLabel label : LABELS.descriptors()) {
            if (label.field().equals(f)) {
                if (label.entity() == null) {
                    shared = label.label();
                } else if (label.entity().equals(entity)) {
                    return label.label();
                }
            }
        }
        return shared != null ? shared : f.replace('_', ' ');
    }

    public static List<Descriptor> all() {
        return READER.descriptors();
    }

    public static Optional<Descriptor> ofTable(String table) {
        return all().stream().filter(d -> d.table().equalsIgnoreCase(table)).findFirst();
    }

    /** The entity names with an audited table, sorted. */
    public static List<String> entities() {
        return all().stream().map(Descriptor::entity).distinct().sorted().toList();
    }

    static Set<String> columns(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
