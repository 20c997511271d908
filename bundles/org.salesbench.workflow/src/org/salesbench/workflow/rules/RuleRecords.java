package org.salesbench.workflow.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The field catalogue of one entity that rules are about, contributed to {@code org.salesbench.workflow.ruleEntities}:
 * which fields conditions may compare and actions may set, and how they are read and written, always through the
 * owning module's service (so its validation, permissions and events apply).
 */
public interface RuleRecords {

    /** Every record offers its owner's login under this name. */
    String OWNER = "owner";

    /** The fields conditions may compare, {@link #OWNER} included. */
    List<RuleField> fields();

    /**
     * The record's current values by field name: {@code String}, {@code BigDecimal}, {@code LocalDate},
     * {@code Boolean} or {@code null}; empty when the record is gone.
     */
    Optional<Map<String, Object>> read(RuleServices services, long id);

    /**
     * The current values of many records at once, by id ({@link #read} for each, unless the catalogue reads a page in a
     * few queries): the engine's first look at every record of an entity a rule starts to watch. Gone and unreadable
     * records are left out.
     */
    default Map<Long, Map<String, Object>> readAll(RuleServices services, long[] ids) {
        Map<Long, Map<String, Object>> values = new java.util.LinkedHashMap<>();
        for (long id : ids) {
            read(services, id).ifPresent(v -> values.put(id, v));
        }
        return values;
    }

    /** Writes one {@link RuleField#settable() settable} field (already parsed to its type) through the module's service. */
    void write(RuleServices services, long id, String field, Object value);

    /** The ids of every record a scheduled rule looks at; {@code null} if this entity offers no scheduled rules. */
    default long[] ids(RuleServices services) {
        return null;
    }
}
