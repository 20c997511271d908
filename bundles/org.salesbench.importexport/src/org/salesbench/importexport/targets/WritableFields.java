package org.salesbench.importexport.targets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.FieldSecurity;
import org.salesbench.core.security.SecurityMessages;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.RowOutcome;

/**
 * Field rules for imports: a row may not write a field the user's roles let them only read or not see, whether it
 * creates a record or updates one. The rules are resolved once per batch; a row that would change such a field fails
 * naming it (the engine names the row and the column), and nothing of it is written. An update that leaves a read-only
 * value as stored passes, so an export edited and imported back works; only the fields the file maps are judged, so
 * a value a target fills in by itself (a default stage, the owner) is not the user's.
 */
public final class WritableFields {

    private final SecurityService security;
    private final String entity;
    private final Map<String, FieldAccess> rules;

    private WritableFields(SecurityService security, String entity) {
        this.security = security;
        this.entity = entity;
        this.rules = security.fieldRules(entity);
    }

    /** The rules of {@code entity} for the current user. */
    public static WritableFields of(SecurityService security, String entity) {
        return new WritableFields(security, entity);
    }

    /** Whether no field is read-only or hidden: nothing to check. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** What a stored record holds in the fields the user may not write, before a row is applied to it. */
    public Map<String, Object> before(Object stored) {
        return rules.isEmpty() ? Map.of() : FieldSecurity.unwritableValues(rules, stored);
    }

    /**
     * The refusal of a row applied to {@code record}: {@code stored} is what {@link #before} took of it, {@code null}
     * for a new record. {@code null} when the row writes nothing it may not.
     */
    public RowOutcome refusal(ImportRow row, Object record, Map<String, Object> stored) {
        if (rules.isEmpty()) {
            return null;
        }
        Map<String, FieldAccess> mapped = new HashMap<>();
        rules.forEach((field, access) -> {
            if (row.has(field)) {
                mapped.put(field, access);
            }
        });
        if (mapped.isEmpty()) {
            return null;
        }
        String field;
        if (stored == null) {
            field = FieldSecurity.firstUnwritable(mapped, record);
        } else {
            Map<String, Object> before = new HashMap<>(stored);
            before.keySet().retainAll(mapped.keySet());
            field = FieldSecurity.firstChanged(before, record);
        }
        if (field == null) {
            return null;
        }
        return RowOutcome.failed(List.of(new FieldError(field, SecurityMessages.fieldReadOnly(security.currentUser().login(), entity, field),
                row.get(field))));
    }
}
