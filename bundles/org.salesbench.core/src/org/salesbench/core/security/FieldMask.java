package org.salesbench.core.security;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fields of one entity the current user may not see, resolved once per query (a list page, an export, a report)
 * so that no row asks the security service again. Fields are named as the entity class names them; a list row or an
 * export column of the same name is the same field.
 */
public final class FieldMask {

    /** Hides nothing: data that is nobody's records. */
    public static final FieldMask NONE = new FieldMask(null, Set.of());
    private static final Map<Class<?>, Constructor<?>> CANONICAL = new ConcurrentHashMap<>();

    private final String entity;
    private final Set<String> hidden;

    private FieldMask(String entity, Set<String> hidden) {
        this.entity = entity;
        this.hidden = Set.copyOf(hidden);
    }

    /** What the current user's roles hide of {@code entity}. */
    public static FieldMask of(SecurityService security, String entity) {
        Set<String> hidden = new TreeSet<>();
        for (Map.Entry<String, FieldAccess> rule : security.fieldRules(entity).entrySet()) {
            if (rule.getValue() == FieldAccess.HIDDEN) {
                hidden.add(rule.getKey());
            }
        }
        return hidden.isEmpty() ? NONE : new FieldMask(entity, hidden);
    }

    /** Whether nothing is hidden: a query may hand its rows out as they are. */
    public boolean isEmpty() {
        return hidden.isEmpty();
    }

    public boolean hides(String field) {
        return hidden.contains(field);
    }

    /** The hidden fields, sorted. */
    public Set<String> hidden() {
        return hidden;
    }

    /** The hidden ones among {@code fields}, in their order. */
    public List<String> hiddenOf(Collection<String> fields) {
        List<String> found = new ArrayList<>();
        for (String field : fields) {
            if (hides(field)) {
                found.add(field);
            }
        }
        return found;
    }

    /**
     * Refuses a computation that reads a hidden field (a report summing amounts the user may not see): a total
     * would leak what each row hides.
     *
     * @param what names the computation in the user's language, e.g. a report's name
     * @throws AccessDeniedException naming the field and the computation
     */
    public void checkReadable(SecurityService security, String what, Collection<String> fields) {
        for (String field : fields) {
            if (hides(field)) {
                throw new AccessDeniedException(SecurityMessages.fieldHiddenFrom(security.currentUser().login(), entity, field, what));
            }
        }
    }

    /**
     * Refuses a filter or a grouping by a hidden field (customers of grade A, revenue by industry): the records it keeps
     * or the groups it forms would tell what the field holds.
     *
     * @param fields the fields the filter or grouping reads
     * @throws AccessDeniedException naming the user, the entity and the first hidden field
     */
    public void checkFilterable(SecurityService security, Collection<String> fields) {
        for (String field : fields) {
            if (hides(field)) {
                throw new AccessDeniedException(SecurityMessages.fieldHiddenFilter(security.currentUser().login(), entity, field));
            }
        }
    }

    /** A copy of a list row (a Java record) with the hidden components blank; the row itself when nothing is hidden. */
    public <R extends Record> R apply(R row) {
        if (row == null || hidden.isEmpty()) {
            return row;
        }
        RecordComponent[] components = row.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        boolean changed = false;
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(row);
                if (hides(components[i].getName()) && !components[i].getType().isPrimitive() && values[i] != null) {
                    values[i] = null;
                    changed = true;
                }
            }
            if (!changed) {
                return row;
            }
            @SuppressWarnings("unchecked")
            R copy = (R) canonical(row.getClass(), components).newInstance(values);
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("masking " + row.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Every row of a page, masked. */
    public <R extends Record> List<R> applyAll(List<R> rows) {
        if (hidden.isEmpty()) {
            return rows;
        }
        List<R> masked = new ArrayList<>(rows.size());
        for (R row : rows) {
            masked.add(apply(row));
        }
        return masked;
    }

    private static Constructor<?> canonical(Class<?> type, RecordComponent[] components) {
        return CANONICAL.computeIfAbsent(type, t -> {
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> c = t.getDeclaredConstructor(types);
                c.setAccessible(true);
                return c;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(t.getSimpleName() + " has no canonical constructor", e);
            }
        });
    }
}
