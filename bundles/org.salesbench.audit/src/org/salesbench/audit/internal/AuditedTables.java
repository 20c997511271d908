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
     */
    public record Descriptor(String table, String entity, Set<String> ignoredColumns) {

        /** Whether a change of {@code column} (any case) is recorded. */
        public boolean records(String column) {
            String c = column.toLowerCase(Locale.ROOT);
            return !BOOKKEEPING_COLUMNS.contains(c) && !ignoredColumns.contains(c);
        }
    }

    private static final ExtensionRegistryReader<Descriptor> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "table",
            e -> new Descriptor(ExtensionRegistryReader.requiredAttribute(e, "name").toUpperCase(Locale.ROOT),
                    ExtensionRegistryReader.requiredAttribute(e, "entity"), columns(e.getAttribute("ignoredColumns"))),
            Comparator.comparing(Descriptor::table));

    private AuditedTables() {
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
